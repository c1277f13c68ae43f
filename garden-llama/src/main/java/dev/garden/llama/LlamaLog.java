package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Routes llama.cpp's and ggml's log lines into {@link System.Logger} instead of stderr, so a server's output stays
 * the server's. llama.cpp's INFO is chatty (every tensor when loading), so it goes to DEBUG.
 */
final class LlamaLog {
    private static final System.Logger LOG = System.getLogger("dev.garden.llama.native");
    // ggml_log_level: NONE 0, DEBUG 1, INFO 2, WARN 3, ERROR 4, CONT 5 (continues the previous line's level)
    private static volatile int lastLevel = 2;

    private LlamaLog() {
    }

    static void install(SymbolLookup llama) throws Throwable {
        MethodHandle target = MethodHandles.lookup().findStatic(LlamaLog.class, "log",
                MethodType.methodType(void.class, int.class, MemorySegment.class, MemorySegment.class));
        MemorySegment stub = LlamaLibrary.linker().upcallStub(target,
                FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS), Arena.global());
        MethodHandle logSet = LlamaLibrary.bind(llama, "llama_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        logSet.invokeExact(stub, MemorySegment.NULL);
    }

    // Called from native threads: it must never throw, or the JVM dies.
    @SuppressWarnings("unused")
    private static void log(int level, MemorySegment text, MemorySegment userData) {
        try {
            int effective = level == 5 ? lastLevel : level;
            lastLevel = effective;
            System.Logger.Level javaLevel = switch (effective) {
                case 4 -> System.Logger.Level.ERROR;
                case 3 -> System.Logger.Level.WARNING;
                case 1 -> System.Logger.Level.TRACE;
                default -> System.Logger.Level.DEBUG;
            };
            if (LOG.isLoggable(javaLevel)) {
                String line = text.reinterpret(Integer.MAX_VALUE).getString(0).stripTrailing();
                if (!line.isEmpty()) {
                    LOG.log(javaLevel, line);
                }
            }
        } catch (Throwable ignored) {
            // Losing a log line is better than crashing the process from a native thread.
        }
    }
}
