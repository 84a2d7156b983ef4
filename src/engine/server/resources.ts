/**
 * The modelled machine's defaults, in a module of their own: src/engine/policies.ts (loaded with the page)
 * needs them and not the alarms (alarms.ts).
 */

/** Memory and disk as the broker models them (bytes), and the limits that raise alarms. */
export interface ResourceSettings {
  /** Memory of the machine the broker sees (the high watermark is a fraction of it). Default 8 GiB. */
  totalMemory: number;
  /** Memory the broker uses with nothing queued. Default 100 MiB. */
  baseMemory: number;
  /** Free disk space. Default 100 GB. */
  diskFree: number;
  /** `vm_memory_high_watermark` (fraction of totalMemory). Default 0.4. */
  memoryHighWatermark: number;
  /** `disk_free_limit` in bytes. Default 50,000,000. */
  diskFreeLimit: number;
}

export const DEFAULT_RESOURCES: ResourceSettings = {
  totalMemory: 8 * 1024 ** 3,
  baseMemory: 100 * 1024 ** 2,
  diskFree: 100e9,
  memoryHighWatermark: 0.4,
  diskFreeLimit: 50_000_000,
};
