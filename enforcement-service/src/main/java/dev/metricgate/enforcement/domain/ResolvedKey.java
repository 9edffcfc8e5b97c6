package dev.metricgate.enforcement.domain;

/** A cached answer for a key hash: the grant, or {@link #UNKNOWN} for a key nobody issued. */
public record ResolvedKey(KeyGrant grant) {

    public static final ResolvedKey UNKNOWN = new ResolvedKey(null);

    public boolean known() {
        return grant != null;
    }
}
