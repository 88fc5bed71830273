package medic.nginx.harden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import medic.nginx.diagnosis.Change;
import medic.nginx.model.Scope;

/**
 * Folds the changes of all findings into one list: identical changes once, in the order they first appear.
 * When two findings want different values for the same thing the stronger value wins, deterministically:
 * the larger time or size for directives and server parameters ({@link Strength}), {@code ""} over
 * {@code close} for the upgrade map (it never defeats upstream keepalive), an upsert over an if-absent add,
 * else the first finding's (findings come most serious first). Each such choice is reported as a conflict.
 */
final class ChangeMerger {
    /** A change with the rules that asked for it. */
    record Sourced(Change change, String rule) { }

    private final Map<Object, Integer> indexOfKey;
    private final List<Change> merged = new ArrayList<>();
    private final List<String> ruleOfKept = new ArrayList<>();
    /** Per merged change: the index of the given change it first appeared as, which is its order. */
    private int[] orders;
    private final List<String> conflicts = new ArrayList<>();
    /** Per conflict: the index of the given change that met it. */
    private int[] conflictAt = new int[4];
    private final Describer describer;

    /** A merger expecting about {@code changes} changes. */
    ChangeMerger(Describer describer, int changes) {
        this.describer = describer;
        // Sized for every change being distinct: tens of thousands of changes would otherwise rehash often.
        this.indexOfKey = new HashMap<>(Math.max(16, (int) (changes / 0.75f) + 1));
        this.orders = new int[Math.max(4, changes)];
    }

    /**
     * Folds in the given change number {@code given} (given changes come in increasing numbers); returns the order
     * of the merged change it folded into: the number of the given change that first asked for that edit.
     */
    int add(int given, Change change, String rule) {
        Change normal = normalized(change);
        int index = add(key(normal), normal, rule, given);
        return orders[index];
    }

    /** The merged changes in first-appearance order. */
    List<Change> changes() {
        return merged;
    }

    /** Per merged change, its order ({@link #add}). */
    int[] orders() {
        return orders;
    }

    /** The conflicts met, in the order of the given changes that met them. */
    List<String> conflicts() {
        return conflicts;
    }

    /** Per conflict, the number of the given change that met it. */
    int[] conflictAt() {
        return conflictAt;
    }

    /** What makes two changes "the same edit": the place and the thing set, not the value. */
    static Object key(Change change) {
        if (change instanceof Change.SetDirective c) {
            return new SetKey(block(c.scope()), c.name());
        } else if (change instanceof Change.AddDirective c) {
            return new AddKey(block(c.scope()), c.name(), mergeKeyOf(c.args(), c.keyArgs()));
        } else if (change instanceof Change.SetServerParam c) {
            return new ParamKey(c.server().directive(), c.param());
        } else if (change instanceof Change.EnsureUpgradeMap) {
            return UpgradeMapKey.ONE;
        } else if (change instanceof Change.EnsureHttpDirective c) {
            return new HttpKey(c.name(), mergeKeyOf(c.args(), c.keyArgs()));
        } else if (change instanceof Change.SetMapEntry c) {
            return new EntryKey(block(c.map()), c.key());
        } else if (change instanceof Change.MakePrefixNoRegex c) {
            return new NoRegexKey(block(c.location()));
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    // One small key type per change kind: compared field by field, with no array or list to build per change.
    private record SetKey(Object block, String name) { }

    private record AddKey(Object block, String name, Object keyArgs) { }

    private record ParamKey(Object server, String param) { }

    private enum UpgradeMapKey { ONE }

    private record HttpKey(String name, Object keyArgs) { }

    private record EntryKey(Object map, String key) { }

    private record NoRegexKey(Object location) { }

    /** The scope's block as an identity key (the same block reached twice through includes is one place). */
    static Object block(Scope scope) {
        return scope.block() != null ? scope.block() : scope;
    }

    static List<String> keyOf(List<String> args, int keyArgs) {
        String[] key = new String[Math.min(keyArgs, args.size())];
        for (int i = 0; i < key.length; i++) {
            key[i] = args.get(i).toLowerCase(Locale.ROOT);
        }
        return List.of(key);
    }

    /**
     * {@link #keyOf} for the merge's keys: a single key argument is its lower-cased string itself (no list, and no
     * copy when already lower case); a string never equals a list, so keys of different lengths stay apart.
     */
    private static Object mergeKeyOf(List<String> args, int keyArgs) {
        return Math.min(keyArgs, args.size()) == 1 ? args.get(0).toLowerCase(Locale.ROOT) : keyOf(args, keyArgs);
    }

    /** {@code keyOf(a, keyArgs).equals(keyOf(b, keyArgs))} without building either list. */
    static boolean sameKey(List<String> a, List<String> b, int keyArgs) {
        int count = Math.min(keyArgs, a.size());
        if (count != Math.min(keyArgs, b.size())) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (!x.equals(y) && !x.toLowerCase(Locale.ROOT).equals(y.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Folds the change in; returns its merged index. */
    private int add(Object key, Change change, String rule, int given) {
        Integer index = indexOfKey.putIfAbsent(key, merged.size());
        if (index == null) {
            if (merged.size() == orders.length) {
                orders = Arrays.copyOf(orders, 2 * orders.length);
            }
            orders[merged.size()] = given;
            merged.add(change);
            ruleOfKept.add(rule);
            return merged.size() - 1;
        }
        Change previous = merged.get(index);
        if (!previous.equals(change)) {
            int before = conflicts.size();
            Change winner = resolve(previous, change, ruleOfKept.get(index), rule);
            if (conflicts.size() > before) {
                if (before == conflictAt.length) {
                    conflictAt = Arrays.copyOf(conflictAt, 2 * before);
                }
                conflictAt[before] = given;
            }
            merged.set(index, winner);
            if (winner != previous) {
                ruleOfKept.set(index, rule);
            }
        }
        return index;
    }

    private Change resolve(Change kept, Change other, String keptRule, String otherRule) {
        Change winner = kept;
        if (kept instanceof Change.SetDirective a && other instanceof Change.SetDirective b) {
            winner = Strength.stronger(b.args(), a.args()) ? b : a;
        } else if (kept instanceof Change.SetServerParam a && other instanceof Change.SetServerParam b) {
            winner = Strength.stronger(List.of(b.value()), List.of(a.value())) ? b : a;
        } else if (kept instanceof Change.AddDirective a && other instanceof Change.AddDirective b) {
            winner = !a.replace() && b.replace() ? b : a;
        } else if (kept instanceof Change.EnsureUpgradeMap a && other instanceof Change.EnsureUpgradeMap b) {
            winner = a.variable().equals(b.variable()) && !a.emptyValue().isEmpty() && b.emptyValue().isEmpty() ? b : a;
        }
        if (reportable(kept, other)) {
            Change loser = winner == kept ? other : kept;
            conflicts.add(describer.what(kept) + ": " + keptRule + " wants " + describer.value(kept) + ", "
                    + otherRule + " wants " + describer.value(other) + "; using " + describer.value(winner)
                    + " (not " + describer.value(loser) + ")");
        }
        return winner;
    }

    /** If-absent adds only ask for "some value", and an upgrade map differing in its empty value is one map. */
    private static boolean reportable(Change a, Change b) {
        if (a instanceof Change.AddDirective x && b instanceof Change.AddDirective y) {
            return x.replace() && y.replace();
        }
        if (a instanceof Change.EnsureUpgradeMap x && b instanceof Change.EnsureUpgradeMap y) {
            return !Objects.equals(x.variable(), y.variable());
        }
        return true;
    }

    /** The same change with values as nginx reads them ({@code ""} becomes the empty string); itself when no value changes. */
    static Change normalized(Change change) {
        if (change instanceof Change.SetDirective c) {
            List<String> args = values(c.args());
            return args == c.args() ? c : new Change.SetDirective(c.scope(), c.name(), args);
        } else if (change instanceof Change.AddDirective c) {
            List<String> args = values(c.args());
            return args == c.args() ? c : new Change.AddDirective(c.scope(), c.name(), args, c.keyArgs(), c.replace());
        } else if (change instanceof Change.SetServerParam c) {
            return NginxText.emptyLiteral(c.value()) ? new Change.SetServerParam(c.server(), c.param(), "") : c;
        } else if (change instanceof Change.EnsureUpgradeMap c) {
            String variable = c.variable().startsWith("$") ? c.variable() : "$" + c.variable();
            return new Change.EnsureUpgradeMap(variable, NginxText.value(c.emptyValue()));
        } else if (change instanceof Change.EnsureHttpDirective c) {
            List<String> args = values(c.args());
            return args == c.args() ? c : new Change.EnsureHttpDirective(c.name(), args, c.keyArgs());
        } else if (change instanceof Change.SetMapEntry c) {
            return new Change.SetMapEntry(c.map(), NginxText.value(c.key()), NginxText.value(c.value()));
        }
        return change;
    }

    private static List<String> values(List<String> args) {
        for (String arg : args) {
            if (NginxText.emptyLiteral(arg)) {
                return args.stream().map(NginxText::value).toList();
            }
        }
        return args;
    }
}
