"use client";
/** `?`: every canvas shortcut (from the same table the keys are matched with) and the handle colours. */
import { Dialog } from "@/components/ui/dialog";
import { isApplePlatform, keyLabel, SHORTCUT_SECTIONS } from "../hooks/shortcut-keys";
import { PORT_LEVEL_LEGEND, UNKNOWN_PORT_COLOR } from "../nodes/port-colors";

/** Two balanced columns: build + history, select + view. */
const COLUMNS = [SHORTCUT_SECTIONS.slice(0, 2), SHORTCUT_SECTIONS.slice(2)];

function Keys({ combos }: { combos: readonly (readonly string[])[] }) {
  const apple = isApplePlatform();
  return (
    <span className="flex shrink-0 flex-wrap items-center justify-end gap-1">
      {combos.map((combo, i) => (
        <span key={combo.join("+")} className="flex items-center gap-1">
          {i > 0 && <span className="text-[11px] text-slate-400">or</span>}
          {combo.map((key) => (
            <kbd
              key={key}
              className="min-w-6 rounded-md border border-slate-200 border-b-slate-300 bg-slate-50 px-1.5 py-px text-center font-sans text-[11px] leading-5 font-medium text-slate-700"
            >
              {keyLabel([key], apple)}
            </kbd>
          ))}
        </span>
      ))}
    </span>
  );
}

export function HelpOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} size="lg" title="Keyboard shortcuts" description="Shortcuts work whenever the cursor is not in a text field; save and run work from text fields too.">
      <div className="grid gap-x-8 gap-y-4 px-6 pt-3 pb-5 sm:grid-cols-2" data-testid="help-overlay">
        {COLUMNS.map((sections) => (
          <div key={sections[0]?.title} className="space-y-4">
            {sections.map((section) => (
              <section key={section.title}>
                <h3 className="mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{section.title}</h3>
                <ul className="divide-y divide-slate-100">
                  {section.items.map((item) => (
                    <li key={item.label} className="flex items-center justify-between gap-3 py-1 text-[13px] text-slate-700">
                      <span>{item.label}</span>
                      <Keys combos={item.keys} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        ))}
        <section className="border-t border-slate-100 pt-3 sm:col-span-2">
          <h3 className="mb-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">Handle colours</h3>
          <ul className="flex flex-wrap gap-x-6 gap-y-2 text-[13px] text-slate-700">
            {PORT_LEVEL_LEGEND.map((entry) => (
              <li key={entry.level} className="flex items-center gap-2">
                <span aria-hidden className="size-3 rounded-full ring-2 ring-white" style={{ backgroundColor: entry.color, boxShadow: `0 0 0 1px ${entry.color}` }} />
                <span className="font-medium">{entry.label}</span>
                <span className="text-slate-500">{entry.hint}</span>
              </li>
            ))}
            <li className="flex items-center gap-2">
              <span aria-hidden className="size-3 rounded-full" style={{ backgroundColor: UNKNOWN_PORT_COLOR }} />
              <span className="text-slate-500">port of an unknown type</span>
            </li>
          </ul>
          <p className="mt-2 text-xs text-slate-500">
            While you drag a connection, handles that can take it grow; the others fade. Drop on empty canvas to add a
            connected step (from an output or an input). Drag either end of an existing connection to move it to
            another handle.
          </p>
        </section>
      </div>
    </Dialog>
  );
}
