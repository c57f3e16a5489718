package io.sluice.server.embedded;

/** A child process for the supervision tests: sleeps until killed; with "ignore-sigterm" it also survives SIGTERM. */
public final class SleepingChild {
    private SleepingChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("ignore-sigterm")) {
            // a shutdown hook that never returns keeps the JVM alive after SIGTERM, like a hung broker
            Runtime.getRuntime().addShutdownHook(new Thread(SleepingChild::sleepForever));
        }
        System.out.println("ready");
        System.out.flush();
        sleepForever();
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
