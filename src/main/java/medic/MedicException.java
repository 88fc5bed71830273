package medic; public class MedicException extends RuntimeException { public MedicException(String m){super(m);} public MedicException(String m, Throwable c){super(m,c);} }
