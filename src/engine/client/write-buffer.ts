/**
 * amqplib 2.3.1's per-channel write buffer: a PassThrough in object mode with a high-water mark of 1024,
 * read by its muxer only on a later tick. Frames written in one synchronous run of client code pile up
 * there; `publish` returns that buffer's `write` result, false once it holds 2047 frames or more (the
 * readable side takes 1024, the writable side reports full at 1024 more, with the transform holding one),
 * and the channel emits 'drain' once the muxer has taken them. Recorded: w-publish-write-buffer.
 *
 * What is not modelled: TCP backpressure. The broker's socket is taken to accept everything, also while a
 * resource alarm blocks the connection (RabbitMQ then stops reading, and the kernel's buffers, megabytes on
 * loopback, fill first); the engine holds a blocked connection's publishes itself (alarms.ts).
 */

/** Frames a publish may leave in the buffer before `write` returns false. */
export const FRAMES_WHILE_ROOM = 2046;

/** amqplib writes a publish as one chunk below this size, else header and body frames apart. */
const SINGLE_CHUNK_THRESHOLD = 2048;
/** frame type, channel, size and end octet around every frame. */
const FRAME_OVERHEAD = 8;
/** amqplib's default frame-max, which RabbitMQ accepts. */
const FRAME_MAX = 131072;
/** basic.publish and content header frames without the names and properties (an estimate of their bytes). */
const HEADER_BYTES = 64;

/** The objects amqplib writes to the channel's buffer for one publish. */
export function framesOf(exchange: string, routingKey: string, contentLength: number): number {
  const header = HEADER_BYTES + exchange.length + routingKey.length;
  const bodyLen = contentLength > 0 ? contentLength + FRAME_OVERHEAD : 0;
  if (header + bodyLen < SINGLE_CHUNK_THRESHOLD) return 1;
  return 1 + Math.ceil(contentLength / (FRAME_MAX - FRAME_OVERHEAD));
}

export class WriteBuffer {
  private frames = 0;
  private needDrain = false;
  /** Whether a flush (the muxer's next read) is already scheduled. */
  scheduled = false;

  /** Adds a publish's frames; returns what amqplib's `publish` returns. */
  write(frames: number): boolean {
    this.frames += frames;
    const room = this.frames <= FRAMES_WHILE_ROOM;
    if (!room) this.needDrain = true;
    return room;
  }

  /** The muxer took everything: returns whether 'drain' is due. */
  flush(): boolean {
    this.frames = 0;
    this.scheduled = false;
    const drain = this.needDrain;
    this.needDrain = false;
    return drain;
  }
}
