// SalvoText: UTF-8 text engine (folding, tokens, sentences, automata, numbers, dates, language id).
