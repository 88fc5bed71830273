package medic.cli;

import picocli.CommandLine;

/** The version printed by {@code medic --version}, read from the jar manifest when there is one. */
public final class MedicVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"medic " + (version == null ? "development build" : version)};
    }
}
