package dev.jx86.ir.text;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of IR text into tokens; {@code ;} starts a comment that runs to the end of the line. */
final class Lexer {
    /** A token: its text and 1-based column. */
    record Token(String text, int column) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    private Lexer() {}

    static List<Token> tokens(String line, int lineNumber) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ';') {
                break;
            }
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '>') {
                tokens.add(new Token("->", i + 1));
                i += 2;
            } else if ("=,{}()[]".indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), i + 1));
                i++;
            } else if (isWordChar(c) || c == '@' || c == '-') {
                int start = i++;
                while (i < line.length() && isWordChar(line.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(line.substring(start, i), start + 1));
            } else {
                throw new ParseException(lineNumber, i + 1, "unexpected character '" + c + "'");
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
