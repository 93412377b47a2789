// cluster-key-slot ships no types; ioredis uses it to route commands.
declare module 'cluster-key-slot' {
  /** Redis Cluster's hash slot of a key (CRC16 of its `{hash tag}`, mod 16384). */
  function calculateSlot(key: string | Buffer): number;
  export default calculateSlot;
}
