package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the project's documentation self-contained: no file of the repository (outside build
 * output) cites documents that are not in it, such as numbered sections of a behavioural
 * specification, of a design note or of a style guide, and every link from the README into
 * {@code docs/}, and every relative link of the pages in {@code docs/}, reaches a file that exists
 * and, with an anchor, a heading of that file. The behaviour those citations stood for is written
 * down in {@code docs/simulator.md}, {@code docs/architecture.md} and {@code docs/performance.md}.
 */
class ProjectDocsTest {

    /** The repository: the java module's tests run in {@code java/}. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /**
     * Citations of documents outside the repository. Written with escapes, so that this file does
     * not match them itself.
     */
    static final Pattern FOREIGN_CITATION = Pattern.compile(
            "(?i:spec) \u00a7|DESIGN \u00a7|DESIGN\\.md \u00a7|\u00a7 ?\\d|STYLE \\d|\\.\\./shared/");

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    /** Directories that are not sources of the repository: build output and tool state. */
    private static boolean skipped(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return name.equals("target") || name.equals("node_modules")
                || (name.startsWith(".") && !name.equals(".ci") && !name.equals(".github")
                        && !name.equals(".mvn") && !dir.equals(ROOT));
    }

    static List<Path> repositoryFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return skipped(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().equals(".git")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** Every line of {@code text} that cites a document outside the repository, as "n: line". */
    static List<String> foreignCitations(String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (FOREIGN_CITATION.matcher(lines[i]).find()) {
                found.add((i + 1) + ": " + lines[i].strip());
            }
        }
        return found;
    }

    @Test
    void theRootIsTheRepository() {
        assertTrue(Files.isRegularFile(ROOT.resolve("README.md")) && Files.isDirectory(ROOT.resolve("docs"))
                && Files.isDirectory(ROOT.resolve("native")), "not the repository: " + ROOT);
    }

    @Test
    void theCitationCheckRecognisesEachForm() {
        String section = "\u00a7";
        String style = "STYLE ";
        assertEquals(7, foreignCitations("a (spec " + section + "4.1)\nb DESIGN " + section + "6\nc " + style + 9
                + "\nd see ../" + "shared/spec\ne DESIGN.md " + section + "6\nf STYLE guide, spec, DESIGN\n"
                + "g Spec " + section + "3: sizes\nh the " + section + "4.9 table\n").size());
    }

    @Test
    void noFileCitesDocumentsOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : repositoryFiles()) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String line : foreignCitations(text)) {
                offenders.add(ROOT.relativize(file) + ":" + line);
            }
        }
        assertTrue(offenders.isEmpty(), "these cite documents that are not in the repository; describe the "
                + "behaviour in the project's own words or point at docs/ instead:\n" + String.join("\n", offenders));
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else if (c == ' ') {
                b.append('-');
            }
        });
        return b.toString();
    }

    /** The anchors of a Markdown file's headings (outside code blocks), with GitHub's -1, -2 for repeats. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean code = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!code && m.matches()) {
                String a = anchor(m.group(1));
                int n = seen.merge(a, 1, Integer::sum);
                anchors.add(n == 1 ? a : a + "-" + (n - 1));
            }
        }
        return anchors;
    }

    /** The problems of the relative links of {@code page}; {@code onlyDocs} keeps links into docs/. */
    static List<String> brokenLinks(Path page, boolean onlyDocs) throws IOException {
        List<String> broken = new ArrayList<>();
        String text = Files.readString(page);
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("^[a-z]+:.*")) {
                continue; // https:, mailto:
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String fragment = hash < 0 ? null : target.substring(hash + 1);
            Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
            if (onlyDocs && !(resolved.startsWith(ROOT.resolve("docs")) && file.endsWith(".md"))) {
                continue;
            }
            String where = ROOT.relativize(page) + " → " + target;
            if (!Files.exists(resolved)) {
                broken.add(where + ": no such file");
            } else if (fragment != null && resolved.toString().endsWith(".md")
                    && !anchors(Files.readString(resolved)).contains(fragment)) {
                broken.add(where + ": no heading with that anchor");
            }
        }
        return broken;
    }

    @Test
    void theReadmeLinksTheDocsAndEveryLinkResolves() throws IOException {
        Path readme = ROOT.resolve("README.md");
        String text = Files.readString(readme);
        for (String page : List.of("simulator.md", "architecture.md", "logging.md", "performance.md")) {
            assertTrue(text.contains("(docs/" + page), "the README does not link docs/" + page);
        }
        List<String> broken = new ArrayList<>(brokenLinks(readme, true));
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            for (Path page : (Iterable<Path>) pages.filter(p -> p.toString().endsWith(".md")).sorted()::iterator) {
                broken.addAll(brokenLinks(page, false));
            }
        }
        assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
    }

    @Test
    void theAnchorRuleIsGitHubs() {
        assertEquals("who-checks-what", anchor("Who checks what"));
        assertEquals("linemakecallw-and-linedialw", anchor("lineMakeCallW and lineDialW"));
        assertEquals("line_reply", anchor("LINE_REPLY"));
        assertEquals("counting-dwmaxcallcompletions-and-numcompletions",
                anchor("Counting: dwMaxCallCompletions and NUMCOMPLETIONS"));
        assertEquals(Set.of("a", "a-1"), anchors("# A\n```\n# not a heading\n```\n## A\n"));
    }
}
