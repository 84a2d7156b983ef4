/**
 * The learning path the welcome shows: RabbitMQ's five work modes first (the tutorials' order,
 * as Chinese courses teach them: 简单、工作队列、发布/订阅、路由、主题), then every other preset in
 * the gallery's order.
 */
import { PRESETS, type Preset } from '../../scenario/presets';

export const WORK_MODES = ['hello-world', 'work-queues', 'publish-subscribe', 'routing', 'topics'] as const;

export const workModes = (): Preset[] => WORK_MODES.map((id) => PRESETS.find((p) => p.id === id)!);
export const furtherPresets = (): Preset[] => PRESETS.filter((p) => !(WORK_MODES as readonly string[]).includes(p.id));
