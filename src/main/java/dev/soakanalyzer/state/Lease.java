package dev.soakanalyzer.state;

/**
 * A cross-host lease per env/exchange (Redis {@code SET NX PX} with a random token, renewed each
 * cycle, released by compare-and-delete), so two runners on different hosts never export or alert
 * twice. Without Redis, {@link #NONE} always holds.
 */
public interface Lease extends AutoCloseable {
  Lease NONE =
      new Lease() {
        @Override
        public boolean acquireOrRenew() {
          return true;
        }

        @Override
        public void close() {}
      };

  /** True when this runner holds the lease for the next cycle (acquired or renewed). */
  boolean acquireOrRenew() throws StateStoreException;

  /** Releases the lease if still ours. */
  @Override
  void close();
}
