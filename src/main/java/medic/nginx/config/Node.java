package medic.nginx.config;

/** A piece of a config file: a directive (simple or block) or a comment, with the whitespace before it. */
public sealed interface Node permits Directive, Comment {
    /** Whitespace between the previous node (or the opening brace) and this one. */
    String prefix();

    int line();

    /** Offset of the node's first character (after the prefix) in its file. */
    int offset();

    /** Appends the node's exact source text, prefix included. */
    void print(StringBuilder out);
}
