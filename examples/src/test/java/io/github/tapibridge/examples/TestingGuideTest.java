package io.github.tapibridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/testing.md} in step with the example it is built from: every Java block of
 * the guide is marked {@code <!-- quoted from PATH -->} and must appear in that file verbatim
 * (as consecutive whole lines, all indented alike: the guide drops a class member's indent), and
 * every test of {@link CallbackDialerTest} is quoted.
 */
class TestingGuideTest {

    /** The repository: the examples module's tests run in {@code examples/}. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path GUIDE = ROOT.resolve("docs/testing.md");

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- quoted from (\\S+) -->\\n)?```java\\n(.*?)\\n```", Pattern.DOTALL);

    record Quote(String path, String code) {
    }

    static List<Quote> javaBlocks(String markdown) {
        List<Quote> quotes = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            quotes.add(new Quote(m.group(1), m.group(2)));
        }
        return quotes;
    }

    /** Whether {@code code} is a run of whole lines of {@code source}, each with the same indent added. */
    static boolean appearsIn(String code, String source) {
        String text = "\n" + source.replace("\r\n", "\n") + "\n";
        for (int indent = 0; indent <= 16; indent += 4) {
            String pad = " ".repeat(indent);
            StringBuilder b = new StringBuilder("\n");
            for (String line : code.split("\n", -1)) {
                b.append(line.isEmpty() ? "" : pad + line).append('\n');
            }
            if (text.contains(b)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyJavaBlockOfTheGuideIsQuotedVerbatimFromTheExample() throws IOException {
        String guide = Files.readString(GUIDE);
        List<Quote> blocks = javaBlocks(guide);
        assertTrue(blocks.size() >= 5, "the guide quotes the example: " + blocks.size() + " Java blocks");
        for (Quote q : blocks) {
            assertTrue(q.path() != null, "a Java block without its source marked:\n" + q.code());
            Path source = ROOT.resolve(q.path());
            assertTrue(Files.isRegularFile(source), "no such file: " + q.path());
            assertTrue(appearsIn(q.code(), Files.readString(source)),
                    "docs/testing.md has drifted from " + q.path() + "; this block is not in it:\n" + q.code());
        }
    }

    @Test
    void everyTestOfTheExampleIsInTheGuide() throws IOException {
        String guide = Files.readString(GUIDE);
        for (Method m : CallbackDialerTest.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Test.class)) {
                assertTrue(guide.contains("void " + m.getName() + "("), m.getName() + " is not quoted in the guide");
            }
        }
    }

    @Test
    void theCheckSeesAChangedLine() {
        String source = "class A {\n    void f() {\n        g(1);\n    }\n}\n";
        assertTrue(appearsIn("void f() {\n    g(1);\n}", source));
        assertFalse(appearsIn("void f() {\n    g(2);\n}", source), "a changed argument");
        assertFalse(appearsIn("void f() {\n}", source), "a left-out line");
        assertFalse(appearsIn("void f() {\n  g(1);\n}", source), "an indent of its own");
        assertEquals(List.of(new Quote("X.java", "a();"), new Quote(null, "b();")),
                javaBlocks("<!-- quoted from X.java -->\n```java\na();\n```\ntext\n```java\nb();\n```\n"));
    }

    @Test
    void theReadmeLinksTheGuide() throws IOException {
        assertTrue(Files.readString(ROOT.resolve("README.md")).contains("(docs/testing.md)"));
    }
}
