// Test oracle: applies SRX rules with java.util.regex (the engine OmegaT and Okapi use), so
// tests can check that tmtool's exported rules segment the same in a Java CAT tool.
// Usage: java SrxCheck.java RULES TEXTS [RULES TEXTS ...]; RULES holds one rule a line,
// "yes|no<TAB>before<TAB>after"; prints each text's segments joined with " | ".
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;

public class SrxCheck {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            List<Boolean> breaks = new ArrayList<>();
            List<Pattern> befores = new ArrayList<>();
            List<Pattern> afters = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(args[i]))) {
                String[] field = line.split("\t", -1);
                breaks.add(field[0].equals("yes"));
                befores.add(field[1].isEmpty() ? null : Pattern.compile("(?:" + field[1] + ")\\z"));
                afters.add(field[2].isEmpty() ? null : Pattern.compile(field[2]));
            }
            for (String text : Files.readAllLines(Path.of(args[i + 1]))) {
                List<String> out = new ArrayList<>();
                int start = 0;
                for (int pos = 1; pos < text.length(); pos++) {
                    for (int r = 0; r < breaks.size(); r++) {
                        if (matches(befores.get(r), afters.get(r), text, pos)) {
                            if (breaks.get(r)) {
                                out.add(text.substring(start, pos).strip());
                                start = pos;
                            }
                            break;
                        }
                    }
                }
                out.add(text.substring(start).strip());
                out.removeIf(String::isEmpty);
                System.out.println(String.join(" | ", out));
            }
        }
    }

    static boolean matches(Pattern before, Pattern after, String text, int pos) {
        if (before != null) {
            Matcher m = before.matcher(text);
            m.region(0, pos);
            m.useTransparentBounds(true);
            if (!m.find()) return false;
        }
        if (after != null) {
            Matcher m = after.matcher(text);
            m.region(pos, text.length());
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            return m.lookingAt();
        }
        return true;
    }
}
