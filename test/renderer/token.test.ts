// @vitest-environment jsdom
import './setup';
import { describe, expect, it } from 'vitest';
import { takeToken } from '../../renderer/src/api/token';

describe('the browser host token', () => {
  it('is taken from ?token= on first load, kept for the tab, and removed from the visible URL', () => {
    window.history.replaceState(null, '', '/?token=abc123&x=1#/queues/held?category=logo');
    expect(takeToken(window)).toBe('abc123');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#/queues/held?category=logo');
    window.history.replaceState(null, '', '/#/queues/held');
    expect(takeToken(window)).toBe('abc123');
  });

  it('is absent when the page was opened without its link', () => {
    window.history.replaceState(null, '', '/');
    expect(takeToken(window)).toBeNull();
  });
});
