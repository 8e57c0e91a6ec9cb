// The legend's line for records that have only a mahalla code: one plain sentence, singular for one.
import { describe, expect, it } from 'vitest';
import { withoutPointText } from '../../web/views/hotspots/Legend.tsx';

describe('withoutPointText', () => {
  it('says how many records of the view have no point and where they still count', () => {
    expect(withoutPointText(1234, 'incidents')).toBe(
      '1\u2009234 incidents of this view have no exact location (only their mahalla is known): they count in the mahalla figures but not on the heat map or hexagons.',
    );
    expect(withoutPointText(1, 'applications')).toBe(
      '1 application of this view has no exact location (only its mahalla is known): it counts in the mahalla figures but not on the heat map or hexagons.',
    );
  });
});
