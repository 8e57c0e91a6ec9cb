// The editor's tools: what a stroke does (paint with the chosen post, erase, pin), how it is drawn (a click, a brush of
// a chosen size, a lasso), and undo/redo with the number of steps kept.
import type { StrokeShape } from './useStroke.ts';
import type { Editor } from './usePlanState.ts';
import { plural } from './PostList.tsx';

export type Action = 'paint' | 'erase' | 'pin';

const ACTIONS: ReadonlyArray<[Action, string, string]> = [
  ['paint', 'Paint', 'Give mahallas to the chosen post'],
  ['erase', 'Erase', 'Leave mahallas without an inspector'],
  ['pin', 'Pin', 'Keep a mahalla with its post (strokes and proposals leave it)'],
];
const SHAPES: ReadonlyArray<[StrokeShape, string, string]> = [
  ['click', 'Click', 'One mahalla per click; dragging moves the map'],
  ['brush', 'Brush', 'Drag over the map: every mahalla the circle touches'],
  ['lasso', 'Lasso', 'Draw around mahallas: every mahalla whose centre is inside'],
];
export const BRUSH_MIN = 4;
export const BRUSH_MAX = 80;

export interface ToolsProps {
  editor: Editor;
  action: Action;
  shape: StrokeShape;
  radius: number;
  /** the chosen post's name */
  painting: string;
  onAction: (a: Action) => void;
  onShape: (s: StrokeShape) => void;
  onRadius: (r: number) => void;
}

export function ToolsSection({ editor, action, shape, radius, painting, onAction, onShape, onRadius }: ToolsProps) {
  const drawn = action === 'pin' ? 'click' : shape;
  return (
    <section aria-label="Tools">
      <h2>Tools</h2>
      <div className="segmented" role="group" aria-label="What a stroke does">
        {ACTIONS.map(([t, label, title]) => (
          <button
            key={t}
            type="button"
            className={action === t ? 'active' : undefined}
            title={title}
            onClick={() => onAction(t)}
            data-testid={`tool-${t}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="segmented planner-shapes" role="group" aria-label="How a stroke is drawn">
        {SHAPES.map(([s, label, title]) => (
          <button
            key={s}
            type="button"
            className={drawn === s ? 'active' : undefined}
            title={action === 'pin' ? 'Pins are set one mahalla at a time' : title}
            disabled={action === 'pin' && s !== 'click'}
            onClick={() => onShape(s)}
            data-testid={`shape-${s}`}
          >
            {label}
          </button>
        ))}
      </div>
      {drawn === 'brush' && (
        <label className="planner-radius">
          Brush size
          <input
            type="range"
            min={BRUSH_MIN}
            max={BRUSH_MAX}
            step={2}
            value={radius}
            onChange={(e) => onRadius(Number(e.target.value))}
            data-testid="brush-size"
          />
          <span>{2 * radius} px</span>
        </label>
      )}
      <div className="planner-actions">
        <button
          type="button"
          onClick={editor.undo}
          disabled={editor.steps.back === 0}
          title="Undo (Ctrl+Z)"
          data-testid="undo"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={editor.redo}
          disabled={editor.steps.forward === 0}
          title="Redo (Ctrl+Y)"
          data-testid="redo"
        >
          Redo
        </button>
        <span className="muted" data-testid="history">
          {plural(editor.steps.back, 'step')} to undo
        </span>
      </div>
      <p className="terr-hint">
        {action === 'pin'
          ? 'A click pins the mahalla to its post, or unpins it.'
          : `${action === 'paint' ? `Painting with ${painting}` : 'Erasing'}: ${
              drawn === 'click'
                ? 'click a mahalla.'
                : drawn === 'brush'
                  ? 'drag over the map (the wheel still zooms; choose Click to move the map).'
                  : 'draw around mahallas (choose Click to move the map).'
            }`}{' '}
        Painting stays inside the district; locked territories and pinned mahallas do not change.
      </p>
    </section>
  );
}
