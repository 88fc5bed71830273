package medic.apply;

/** The test hook called at each {@link FaultPoint}; production uses {@link #NONE}. */
@FunctionalInterface
public interface FaultInjection {

    void at(FaultPoint point);

    FaultInjection NONE = point -> { };
}
