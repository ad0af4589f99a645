package echos.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options; every option read is remembered so the summary can list the effective settings. */
final class Args {

    private final Map<String, String> given = new LinkedHashMap<>();
    final Map<String, String> used = new LinkedHashMap<>();

    Args(String[] argv, int from) {
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + a);
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                value = argv[++i];
            } else {
                value = "true";
            }
            given.put(key, value);
        }
    }

    String str(String key, String def) {
        String v = given.getOrDefault(key, def);
        used.put(key, v);
        return v;
    }

    int integer(String key, int def) {
        return Integer.parseInt(str(key, Integer.toString(def)));
    }

    long lng(String key, long def) {
        return Long.parseLong(str(key, Long.toString(def)));
    }

    double dbl(String key, double def) {
        return Double.parseDouble(str(key, Double.toString(def)));
    }

    List<Integer> ints(String key, String def) {
        List<Integer> out = new ArrayList<>();
        for (String s : str(key, def).split(",")) {
            if (!s.isBlank()) {
                out.add(Integer.parseInt(s.trim()));
            }
        }
        return out;
    }

    void checkAllUsed() {
        for (String k : given.keySet()) {
            if (!used.containsKey(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
    }
}
