// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { BucketToggle } from '../../client/pages/team/BucketToggle';

afterEach(cleanup);

const checked = () => (screen.getAllByRole('radio') as HTMLInputElement[]).filter((r) => r.checked).map((r) => r.value);

describe('BucketToggle', () => {
  it('shows a click at once, before the URL (the value) catches up', () => {
    const onChange = vi.fn();
    render(<BucketToggle value="DAY" onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Weekly'));
    expect(onChange).toHaveBeenCalledWith('WEEK');
    expect(checked()).toEqual(['WEEK']);
  });

  it('follows a value that changes from outside (back and forward)', () => {
    const { rerender } = render(<BucketToggle value="DAY" onChange={() => {}} />);
    fireEvent.click(screen.getByLabelText('Weekly'));
    rerender(<BucketToggle value="SPRINT" onChange={() => {}} />);
    expect(checked()).toEqual(['SPRINT']);
    rerender(<BucketToggle value="DAY" onChange={() => {}} />);
    expect(checked()).toEqual(['DAY']);
  });
});
