package medic.nginx.harden;

/**
 * One change of a unified diff in absolute line numbers: {@code removed} original lines from line
 * {@code source} give way to {@code added} revised lines from line {@code target}, whose text is
 * {@code revised[addedFrom, addedTo)} (the removed ones are read from the original by line).
 */
record Delta(int source, int removed, int target, int added, int addedFrom, int addedTo) {
}
