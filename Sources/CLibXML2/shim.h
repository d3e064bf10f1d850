#ifndef SALVO_CLIBXML2_SHIM_H
#define SALVO_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, and its encoding.h then includes the system ICU headers,
 * whose UErrorCode clashes with Foundation's bundled ICU in any Swift module that sees both.
 * Salvo never touches the ICU fields (it only passes xmlCharEncodingHandler pointers around),
 * so the ICU part of the headers is switched off here. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>

/* Swift 6 rejects the global function pointer `xmlFree` as not concurrency-safe. */
static inline void salvo_xml_free(void *p) { xmlFree(p); }

/* Silence libxml2's default error printing to stderr: errors are reported by Salvo itself. */
static void salvo_xml_ignore_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void salvo_xml_quiet(void) {
    xmlSetGenericErrorFunc(NULL, salvo_xml_ignore_error);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

#endif
