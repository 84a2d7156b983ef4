import { beforeEach, describe, expect, it } from 'vitest';
import { createNode, emptyScenario } from '../../scenario/factory';
import { dispatch, getDoc, loadDocument } from '../../store/document';
import { select, uiStore } from '../../store/ui';
import { performAction } from '.';

const names = () => getDoc().nodes.map((n) => (n.kind === 'note' ? '' : n.config.name));

beforeEach(() => {
  loadDocument(emptyScenario());
  select([], []);
  dispatch({ type: 'add-nodes', nodes: [createNode(getDoc(), 'queue', { x: 0, y: 0 })] });
});

describe('editor actions', () => {
  it('duplicate copies the selection with a fresh name and selects the copy', () => {
    select([getDoc().nodes[0].id]);
    expect(performAction('duplicate')).toBe(true);
    expect(names()).toEqual(['q1', 'q2']);
    expect(uiStore.getState().selectedNodeIds).toEqual([getDoc().nodes[1].id]);
  });

  it('copy then paste twice makes two more, each further offset', () => {
    select([getDoc().nodes[0].id]);
    performAction('copy');
    performAction('paste');
    performAction('paste');
    expect(names()).toEqual(['q1', 'q2', 'q3']);
    expect(getDoc().nodes[2].position.x).toBeGreaterThan(getDoc().nodes[1].position.x);
  });

  it('delete removes the selection and undo brings it back; nothing to delete is a no-op', () => {
    expect(performAction('deleteSelection')).toBe(false);
    select([getDoc().nodes[0].id]);
    performAction('deleteSelection');
    expect(getDoc().nodes).toEqual([]);
    performAction('undo');
    expect(names()).toEqual(['q1']);
    performAction('redo');
    expect(getDoc().nodes).toEqual([]);
  });

  it('New asks first when there is work, and opens an empty scenario on confirm', () => {
    performAction('newDocument');
    const ask = uiStore.getState().confirm;
    expect(ask).not.toBeNull();
    expect(getDoc().nodes).toHaveLength(1);
    ask!.onConfirm();
    expect(getDoc().nodes).toEqual([]);
  });
});
