package io.github.tapibridge.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the simulator's trace after its time stamp, in the forms {@code native/sim/trace.c}
 * and {@code native/sim/switch.c} write: a call ({@code lineMakeCallW(0x00010003, "201")
 * hCall=0x00010004 -> request 0x00001002}), a queued message ({@code => app 0x00010001
 * LINE_REPLY(0x00000000, inst=0x42, 0x1002, 0x0, 0x0)}), a lost message, or anything else.
 */
sealed interface TraceLine {

    Pattern MESSAGE = Pattern.compile("=> app (0x\\p{XDigit}{1,16}) (\\w+)\\((0x\\p{XDigit}{1,16}), "
            + "inst=0x\\p{XDigit}{1,16}, (0x\\p{XDigit}{1,16}), (0x\\p{XDigit}{1,16}), (0x\\p{XDigit}{1,16})\\)"
            + "(?: (.*))?");
    Pattern LOST = Pattern.compile("LOST (\\S+) for app (0x\\p{XDigit}{1,16})\\b.*");
    Pattern FUNCTION = Pattern.compile("[A-Za-z_]\\w*\\(.*");

    /**
     * A call of a TAPI or {@code tapisim_} function.
     *
     * @param function its name
     * @param args its arguments as written, quotes included
     * @param extras what follows the arguments ({@code hCall=0x00010004})
     * @param result {@code 0}, {@code request 0x...} or an error name
     * @param request the request ID of an asynchronous call, or null
     * @param text the whole line
     */
    record Call(String function, List<String> args, String extras, String result, Long request, String text)
            implements TraceLine {

        boolean ok() {
            return result.equals("0");
        }

        /** The argument without its quotes, or "" if there is none. */
        String arg(int i) {
            if (i >= args.size()) {
                return "";
            }
            String a = args.get(i);
            return a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"") ? a.substring(1, a.length() - 1) : a;
        }

        Long handleArg(int i) {
            return i < args.size() ? hexValue(args.get(i)) : null;
        }

        Long numberArg(int i) {
            if (i >= args.size() || !args.get(i).matches("\\d{1,18}")) {
                return null;
            }
            return Long.parseLong(args.get(i));
        }

        /** The value of {@code name=0x...} after the arguments, or null. */
        Long extraHandle(String name) {
            for (String word : extras.trim().split(" ")) {
                if (word.startsWith(name + "=")) {
                    return hexValue(word.substring(name.length() + 1));
                }
            }
            return null;
        }
    }

    /**
     * A message queued for an application.
     *
     * @param app its {@code hLineApp}
     * @param name the message name ({@code LINE_CALLSTATE})
     * @param device {@code hDevice}
     * @param params {@code dwParam1} to {@code dwParam3}
     * @param note the readable note after the values (a call state or error name), or ""
     */
    record Message(long app, String name, long device, long[] params, String note) implements TraceLine {
        long param(int i) {
            return params[i];
        }
    }

    /** A message lost for want of memory. */
    record Lost(long app, String message) implements TraceLine {
    }

    /** Any other line, as it is. */
    record Other(String text) implements TraceLine {
    }

    static TraceLine parse(String body) {
        Matcher m = MESSAGE.matcher(body);
        if (m.matches()) {
            long[] params = {hexValue(m.group(4)), hexValue(m.group(5)), hexValue(m.group(6))};
            return new Message(hexValue(m.group(1)), m.group(2), hexValue(m.group(3)), params,
                    m.group(7) == null ? "" : m.group(7));
        }
        m = LOST.matcher(body);
        if (m.matches()) {
            return new Lost(hexValue(m.group(2)), m.group(1));
        }
        TraceLine call = FUNCTION.matcher(body).matches() ? call(body) : null;
        return call != null ? call : new Other(body);
    }

    private static Call call(String body) {
        int arrow = body.lastIndexOf(" -> ");
        int open = body.indexOf('(');
        if (arrow < open) {
            return null;
        }
        String head = body.substring(0, arrow);
        int close = closing(head, open);
        if (close < 0) {
            close = head.lastIndexOf(')');
        }
        if (close < open) {
            return null;
        }
        List<String> args = split(head.substring(open + 1, close));
        String result = body.substring(arrow + 4).trim();
        Long request = result.startsWith("request ") ? hexValue(result.substring(8)) : null;
        return new Call(body.substring(0, open), args, head.substring(close + 1), result, request, body);
    }

    /** The index of the parenthesis that closes the one at {@code open}, outside quotes, or -1. */
    private static int closing(String s, int open) {
        boolean quoted = false;
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits arguments at {@code ", "} outside quotes. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                out.add(s.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The value of {@code 0x...} (up to 16 hex digits), or null. */
    static Long hexValue(String s) {
        if (s == null || !s.matches("0x\\p{XDigit}{1,16}")) {
            return null;
        }
        return Long.parseUnsignedLong(s.substring(2), 16);
    }
}
