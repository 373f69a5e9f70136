/** The jx86 PC devices. */
module dev.jx86.devices {
    requires transitive dev.jx86.runtime;
}
