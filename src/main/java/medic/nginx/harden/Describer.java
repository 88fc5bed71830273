package medic.nginx.harden;

import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Change;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;

/** Names changes and places the way people read them in conflict and skip notes. */
final class Describer {
    private final NginxConfig config;

    Describer(NginxConfig config) {
        this.config = config;
    }

    /** "location /ws/ (nginx.conf:12)", or "the main context". */
    String where(Scope scope) {
        Directive block = scope.block();
        if (block == null) {
            return "the main context";
        }
        String label = block.args().isEmpty() ? block.name() : block.name() + " " + String.join(" ", block.args());
        return label + " (" + config.where(block) + ")";
    }

    String what(Change change) {
        if (change instanceof Change.SetDirective c) {
            return c.name() + " in " + where(c.scope());
        } else if (change instanceof Change.AddDirective c) {
            return c.name() + " " + String.join(" ", ChangeMerger.keyOf(c.args(), c.keyArgs())) + " in "
                    + where(c.scope());
        } else if (change instanceof Change.SetServerParam c) {
            return c.param() + " of server " + c.server().address() + " (" + config.where(c.server().directive()) + ")";
        } else if (change instanceof Change.EnsureUpgradeMap) {
            return "the map from $http_upgrade in http";
        } else if (change instanceof Change.EnsureHttpDirective c) {
            return c.name() + " in http";
        } else if (change instanceof Change.SetMapEntry c) {
            return "entry '" + c.key() + "' of " + where(c.map());
        } else if (change instanceof Change.MakePrefixNoRegex c) {
            return "the ^~ modifier of " + where(c.location());
        }
        return change.toString();
    }

    String value(Change change) {
        if (change instanceof Change.SetDirective c) {
            return NginxText.words(c.args());
        } else if (change instanceof Change.AddDirective c) {
            return NginxText.words(c.args());
        } else if (change instanceof Change.SetServerParam c) {
            return c.param() + "=" + c.value();
        } else if (change instanceof Change.EnsureUpgradeMap c) {
            return c.variable() + " ('' -> " + NginxText.word(c.emptyValue()) + ")";
        } else if (change instanceof Change.EnsureHttpDirective c) {
            return NginxText.words(c.args());
        } else if (change instanceof Change.SetMapEntry c) {
            return NginxText.word(c.value());
        }
        return "^~";
    }
}
