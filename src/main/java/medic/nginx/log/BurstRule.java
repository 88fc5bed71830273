package medic.nginx.log;

/** A minute is part of a burst when its upstream failures reach {@code max(floor, factor x baseline)}. */
public record BurstRule(long floor, long factor) {
    public static final BurstRule DEFAULT = new BurstRule(10, 5);

    public BurstRule {
        if (floor < 1 || factor < 1) {
            throw new IllegalArgumentException(
                "burst floor and factor must be at least 1, got " + floor + ", " + factor);
        }
    }

    public long threshold(long baseline) {
        return Math.max(floor, Math.multiplyExact(factor, baseline));
    }
}
