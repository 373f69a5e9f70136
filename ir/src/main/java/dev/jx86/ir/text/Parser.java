package dev.jx86.ir.text;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.ExitReason;
import dev.jx86.ir.Helper;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.text.Lexer.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads blocks in the text form that {@link Printer} writes (docs/ir.md gives the grammar). Errors are {@link
 * ParseException}s naming the line and column. The parser checks syntax and names; types are the verifier's job.
 */
public final class Parser {
    private final SlotNames slots;
    private final String[] lines;
    private int line;

    private Parser(SlotNames slots, String text) {
        this.slots = slots;
        this.lines = text.split("\n", -1);
    }

    /** Parses text holding exactly one block. */
    public static Block parse(String text, SlotNames slots) {
        List<Block> blocks = parseAll(text, slots);
        if (blocks.size() != 1) {
            throw new ParseException(1, 1, "expected one block, found " + blocks.size());
        }
        return blocks.getFirst();
    }

    public static Block parse(String text) {
        return parse(text, SlotNames.numbered());
    }

    /** Parses every block in the text. */
    public static List<Block> parseAll(String text, SlotNames slots) {
        Parser p = new Parser(slots, text);
        List<Block> blocks = new ArrayList<>();
        for (Cursor c = p.nextLine(); c != null; c = p.nextLine()) {
            blocks.add(p.block(c));
        }
        return blocks;
    }

    /** The next line with tokens, or null at the end. */
    private Cursor nextLine() {
        while (line < lines.length) {
            List<Token> tokens = Lexer.tokens(lines[line], line + 1);
            line++;
            if (!tokens.isEmpty()) {
                return new Cursor(tokens, line, lines[line - 1].length() + 1);
            }
        }
        return null;
    }

    private Block block(Cursor header) {
        header.expect("block");
        IrBuilder b = new IrBuilder(header.number());
        header.expect("{");
        header.end();
        Map<String, Value> values = new HashMap<>();
        Map<String, Helper> helpers = new HashMap<>();
        while (true) {
            Cursor c = nextLine();
            if (c == null) {
                throw new ParseException(lines.length, 1, "block is not closed: missing terminal and '}'");
            }
            if (c.peek().is("helper")) {
                Helper h = helper(c);
                b.declare(h);
                helpers.put(h.name(), h);
            } else if (TerminalSyntax.starts(c.peek().text())) {
                Block block = b.finish(terminal(c, values));
                Cursor close = nextLine();
                if (close == null) {
                    throw new ParseException(lines.length, 1, "expected '}' after the terminal");
                }
                close.expect("}");
                close.end();
                return block;
            } else {
                new InstructionSyntax(slots, values, helpers, c).parseInto(b);
            }
        }
    }

    private static Helper helper(Cursor c) {
        c.expect("helper");
        Token name = c.next();
        if (!name.text().startsWith("@")) {
            throw c.error(name, "expected a helper name like @cpuid");
        }
        long id = c.number();
        c.expect("(");
        List<Type> params = new ArrayList<>();
        while (!c.peek().is(")")) {
            if (!params.isEmpty()) {
                c.expect(",");
            }
            params.add(c.type());
        }
        c.expect(")");
        c.expect("->");
        Type result = c.type();
        c.expect("[");
        Set<Effect> effects = new java.util.HashSet<>();
        while (!c.peek().is("]")) {
            if (!effects.isEmpty()) {
                c.expect(",");
            }
            Token e = c.next();
            try {
                effects.add(Effect.valueOf(e.text().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ex) {
                throw c.error(e, "unknown effect '" + e.text() + "'");
            }
        }
        c.expect("]");
        c.end();
        try {
            return new Helper((int) id, name.text().substring(1), params, result, effects);
        } catch (IllegalArgumentException ex) {
            throw c.error(name, ex.getMessage());
        }
    }

    private static Terminal terminal(Cursor c, Map<String, Value> values) {
        Token head = c.next();
        Terminal t = switch (head.text()) {
            case "jump" -> new Terminal.Jump(c.number());
            case "jump.indirect" -> new Terminal.JumpIndirect(c.value(values));
            case "branch" -> {
                Value cond = c.value(values);
                c.expect(",");
                long taken = c.number();
                c.expect(",");
                yield new Terminal.Branch(cond, taken, c.number());
            }
            case "exit" -> {
                Token reason = c.next();
                c.expect(",");
                yield new Terminal.Exit(exitReason(c, reason), c.number());
            }
            default -> {
                int vector = (int) c.number();
                Optional<Value> code = Optional.empty();
                if (c.hasMore()) {
                    c.expect(",");
                    code = Optional.of(c.value(values));
                }
                yield new Terminal.Raise(vector, code);
            }
        };
        c.end();
        return t;
    }

    private static ExitReason exitReason(Cursor c, Token reason) {
        for (ExitReason r : ExitReason.values()) {
            if (r.text().equals(reason.text())) {
                return r;
            }
        }
        throw c.error(reason, "unknown exit reason '" + reason.text() + "'");
    }

    /** The words that start a terminal line. */
    private static final class TerminalSyntax {
        static boolean starts(String word) {
            return switch (word) {
                case "jump", "jump.indirect", "branch", "exit", "raise" -> true;
                default -> false;
            };
        }
    }
}
