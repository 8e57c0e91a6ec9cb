// The editor's tools: what a stroke does (paint with the chosen post, erase, pin), how it is drawn (a click, a brush of
// a chosen size, a lasso), and undo/redo with the number of steps kept.
import type { StrokeShape } from './useStroke.ts';
import type { Editor } from './usePlanState.ts';
import { useT } from '../../i18n/I18n.tsx';

export type Action = 'paint' | 'erase' | 'pin';

const ACTIONS: readonly Action[] = ['paint', 'erase', 'pin'];
const SHAPES: readonly StrokeShape[] = ['click', 'brush', 'lasso'];
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
  const t = useT();
  return (
    <section aria-label={t('planner.tools')}>
      <h2>{t('planner.tools')}</h2>
      <div className="segmented" role="group" aria-label={t('planner.actionAria')}>
        {ACTIONS.map((a) => (
          <button
            key={a}
            type="button"
            className={action === a ? 'active' : undefined}
            title={t(`planner.action.${a}Title`)}
            onClick={() => onAction(a)}
            data-testid={`tool-${a}`}
          >
            {t(`planner.action.${a}`)}
          </button>
        ))}
      </div>
      <div className="segmented planner-shapes" role="group" aria-label={t('planner.shapeAria')}>
        {SHAPES.map((s) => (
          <button
            key={s}
            type="button"
            className={drawn === s ? 'active' : undefined}
            title={action === 'pin' ? t('planner.pinOneAtATime') : t(`planner.shape.${s}Title`)}
            disabled={action === 'pin' && s !== 'click'}
            onClick={() => onShape(s)}
            data-testid={`shape-${s}`}
          >
            {t(`planner.shape.${s}`)}
          </button>
        ))}
      </div>
      {drawn === 'brush' && (
        <label className="planner-radius">
          {t('planner.brushSize')}
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
          title={t('planner.undoTitle')}
          data-testid="undo"
        >
          {t('planner.undo')}
        </button>
        <button
          type="button"
          onClick={editor.redo}
          disabled={editor.steps.forward === 0}
          title={t('planner.redoTitle')}
          data-testid="redo"
        >
          {t('planner.redo')}
        </button>
        <span className="muted" data-testid="history">
          {t('planner.steps', { count: editor.steps.back })}
        </span>
      </div>
      <p className="terr-hint">
        {action === 'pin'
          ? t('planner.pinHint')
          : `${action === 'paint' ? t('planner.painting', { post: painting }) : t('planner.erasing')}: ${t(`planner.hint.${drawn}`)}`}{' '}
        {t('planner.hint.inside')}
      </p>
    </section>
  );
}
