/** Lets the canvas's click handler ask the message layer what is under the pointer. */
export interface MessageLayerHandle {
  /** The message drawn nearest to a flow point, within `radius` flow units. */
  hit(x: number, y: number, radius: number): Promise<number | null>;
}

export const messageLayerHandle: { current: MessageLayerHandle | null } = { current: null };
