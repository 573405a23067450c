// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Confirm } from './Confirm';

afterEach(cleanup);

describe('Confirm', () => {
  it('confirms with Enter as soon as it opens', async () => {
    // Guards a bug: the dialog moved focus to the first button (Cancel), so Enter cancelled.
    const onConfirm = vi.fn();
    const onClose = vi.fn();
    render(
      <Confirm title="Freeze orders?" confirmLabel="Freeze namespace" danger onConfirm={onConfirm} onClose={onClose}>
        Writes are refused until you unfreeze it.
      </Confirm>,
    );
    expect(document.activeElement?.textContent).toBe('Freeze namespace');
    await userEvent.setup().keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('cancels with Escape and gives focus back to what opened it', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const onConfirm = vi.fn();
    const onClose = vi.fn();
    const view = render(
      <Confirm title="Delete?" confirmLabel="Delete" onConfirm={onConfirm} onClose={onClose}>
        Gone for good.
      </Confirm>,
    );
    await userEvent.setup().keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    view.unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
