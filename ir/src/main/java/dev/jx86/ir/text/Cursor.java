package dev.jx86.ir.text;

import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.text.Lexer.Token;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Reads the tokens of one line, reporting errors at the token's line and column. */
final class Cursor {
    private static final BigInteger TWO_TO_128 = BigInteger.ONE.shiftLeft(128);

    private final List<Token> tokens;
    private final int line;
    private final int endColumn;
    private int next;

    Cursor(List<Token> tokens, int line, int endColumn) {
        this.tokens = tokens;
        this.line = line;
        this.endColumn = endColumn;
    }

    boolean hasMore() {
        return next < tokens.size();
    }

    Token peek() {
        return hasMore() ? tokens.get(next) : new Token("<end of line>", endColumn);
    }

    Token peek(int ahead) {
        return next + ahead < tokens.size() ? tokens.get(next + ahead) : new Token("<end of line>", endColumn);
    }

    Token next() {
        Token t = peek();
        if (!hasMore()) {
            throw error(t, "unexpected end of line");
        }
        next++;
        return t;
    }

    void expect(String text) {
        Token t = peek();
        if (!t.is(text)) {
            throw error(t, "expected '" + text + "', found '" + t.text() + "'");
        }
        next++;
    }

    void end() {
        if (hasMore()) {
            throw error(peek(), "unexpected '" + peek().text() + "' at end of line");
        }
    }

    /** A number that fits 64 bits: decimal (maybe negative) or 0x hex, taken modulo 2^64. */
    long number() {
        Token t = next();
        BigInteger value = bigNumber(t);
        if (value.bitLength() > 64 && value.signum() > 0 || value.bitLength() > 63 && value.signum() < 0) {
            throw error(t, "number does not fit 64 bits: " + t.text());
        }
        return value.longValue();
    }

    /** A number of up to 128 bits as {low, high}. */
    long[] wideNumber() {
        Token t = next();
        BigInteger value = bigNumber(t);
        if (value.bitLength() > 128 && value.signum() > 0 || value.bitLength() > 127 && value.signum() < 0) {
            throw error(t, "number does not fit 128 bits: " + t.text());
        }
        BigInteger unsigned = value.signum() < 0 ? value.add(TWO_TO_128) : value;
        return new long[] {unsigned.longValue(), unsigned.shiftRight(64).longValue()};
    }

    private BigInteger bigNumber(Token t) {
        String s = t.text();
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        try {
            BigInteger value =
                    digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits, 10);
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            throw error(t, "expected a number, found '" + s + "'");
        }
    }

    Type type() {
        Token t = next();
        return typeNamed(t, t.text());
    }

    Type typeNamed(Token t, String name) {
        for (Type type : Type.values()) {
            if (type.text().equals(name)) {
                return type;
            }
        }
        throw error(t, "unknown type '" + name + "'");
    }

    Value value(Map<String, Value> values) {
        Token t = next();
        Value v = values.get(t.text());
        if (v == null) {
            throw error(t, t.text().matches("v[0-9]+") ? "undefined value " + t.text() : "expected a value like v3");
        }
        return v;
    }

    ParseException error(Token at, String message) {
        return new ParseException(line, at.column(), message);
    }
}
