import { describe, expect, it } from 'vitest';
import { followRun, PLAY_INSTRUCTION } from './followRun';

const instead = (state: 'playing' | 'paused') => (state === 'playing' ? 'Let it play' : 'Press Play again');

describe('the Play instruction follows the run', () => {
  const text = `${PLAY_INSTRUCTION.en} and watch the queue.`;

  it('asks for Play before the run starts', () => {
    expect(followRun(text, 'stopped', 'en', instead)).toBe(text);
  });

  it('no longer asks for Play while playing, and asks again once paused', () => {
    expect(followRun(text, 'playing', 'en', instead)).toBe('Let it play and watch the queue.');
    expect(followRun(text, 'paused', 'en', instead)).toBe('Press Play again and watch the queue.');
  });

  it('replaces the Chinese wording in Chinese text', () => {
    expect(followRun(`发送者。${PLAY_INSTRUCTION.zh}。`, 'playing', 'zh', () => '正在播放')).toBe('发送者。正在播放。');
  });

  it('leaves a step without the instruction alone', () => {
    expect(followRun('Watch the ack.', 'playing', 'en', instead)).toBe('Watch the ack.');
  });
});
