// "Try a step": run the selected step alone with sample input typed in the inspector's Try
// tab and see its output or its error, without saving anything (as Dify's single-node run).
import { expect, test, type Page } from "@playwright/test";
import { failOnPageErrors, screenshot, uniqueName } from "../segments/support";
import { getSegmentDetail, inspector, openEditor, seedSegment, SERVER_CALL, stepNode, transformStep, type SeedDocument } from "./support";

test.use({ viewport: { width: 1440, height: 900 } });

/** Selects a step and opens the Try tab of its inspector. */
async function openTry(page: Page, stepId: string) {
  await stepNode(page, stepId).click();
  await expect(inspector(page).getByTestId("step-inspector")).toHaveAttribute("data-step-id", stepId);
  await inspector(page).getByRole("tab", { name: "Try" }).click();
  await expect(inspector(page).getByRole("tab", { name: "Try" })).toHaveAttribute("aria-selected", "true");
  return inspector(page).getByTestId("try-step-panel");
}

/** Replaces the "Step input" JSON (a code editor: typed as text, so brackets are not doubled). */
async function typeStepInput(page: Page, json: string) {
  const field = inspector(page).getByRole("textbox", { name: "Step input" });
  await field.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(json);
}

test("try a transform and a mock LLM step with typed input: the output shows, errors show, nothing is saved", async ({ page, request }) => {
  test.setTimeout(240_000);
  const noErrors = failOnPageErrors(page);
  const name = uniqueName("E2E try");
  const document: SeedDocument = {
    name,
    entrypoint: "shape",
    steps: [
      transformStep("shape", '{"greeting": "Hello " & step_input.name, "items": $count(step_input.items)}', 0, 0, "Shape"),
      {
        step_id: "agent",
        type: "llm_agent",
        name: "Agent",
        config: { llm_ref: "mock", mock_responses: ["Bonjour Ada, ravi de vous voir"], user_prompt_template: "Say hi to {{ step_input.greeting }}" },
        ui: { x: 320, y: 0 },
      },
      transformStep("double", "step_input.count * 2", 640, 0, "Double"),
    ],
    edges: [
      { from_step: "shape", to_step: "agent" },
      { from_step: "agent", to_step: "double" },
    ],
  };
  const segment = await seedSegment(request, document, { asRevision: true });
  const before = await getSegmentDetail(request, segment.segment_id);

  await openEditor(page, segment.segment_id, 3);
  await expect(page.getByRole("button", { name: "Saved" })).toBeDisabled();

  // The transform, with input typed by the user.
  const panel = await openTry(page, "shape");
  await expect(panel).toContainText("Nothing is saved.");
  await typeStepInput(page, '{"name": "Ada", "items": [1, 2, 3]}');
  await panel.getByRole("button", { name: /Run step/ }).click();
  const result = panel.getByTestId("try-result");
  await expect(result).toHaveAttribute("data-status", "completed", SERVER_CALL);
  await expect(result).toContainText("Completed");
  const output = result.getByRole("group").filter({ hasText: "Output" });
  await expect(output).toContainText('"greeting": "Hello Ada"');
  await expect(output).toContainText('"items": 3');
  await screenshot(page, "editor-try-1-transform");

  // Input that is not JSON: the field says where, and the step cannot run.
  await typeStepInput(page, '{"name": "Ada",}');
  await expect(panel.getByText(/^Line 1, column \d+:/)).toBeVisible();
  await expect(panel.getByRole("button", { name: /Run step/ })).toBeDisabled();
  await screenshot(page, "editor-try-2-bad-json");

  // The mock LLM agent answers with its scripted response.
  const agentPanel = await openTry(page, "agent");
  await typeStepInput(page, '{"greeting": "Hello Ada"}');
  await agentPanel.getByRole("button", { name: /Run step/ }).click();
  const agentResult = agentPanel.getByTestId("try-result");
  await expect(agentResult).toHaveAttribute("data-status", "completed", SERVER_CALL);
  await expect(agentResult.getByRole("group").filter({ hasText: "Output" })).toContainText("Bonjour Ada, ravi de vous voir");
  await expect(agentResult).toContainText("tokens");
  await screenshot(page, "editor-try-3-agent");

  // An expression that fails on this input: the error, not an output.
  const doublePanel = await openTry(page, "double");
  await typeStepInput(page, '{"count": "many"}');
  await doublePanel.getByRole("button", { name: /Run step/ }).click();
  const failed = doublePanel.getByTestId("try-result");
  await expect(failed).toHaveAttribute("data-status", "failed", SERVER_CALL);
  await expect(failed.getByRole("alert")).toContainText("expression_error");
  await expect(failed.getByRole("alert")).toContainText('The left side of the "*" operator must evaluate to a number');
  await expect(failed.getByRole("group").filter({ hasText: "Output" })).toHaveCount(0);
  await screenshot(page, "editor-try-4-error");

  // Back on the transform, the last input and result are still there.
  await openTry(page, "shape");
  await expect(inspector(page).getByTestId("try-result")).toHaveAttribute("data-status", "completed");

  // Nothing was saved: no new draft version, no new revision, the canvas still is revision 1.
  await expect(page.getByRole("button", { name: "Saved" })).toBeDisabled();
  await expect(page.getByTestId("revision-badge")).toHaveText("rev 1");
  const after = await getSegmentDetail(request, segment.segment_id);
  expect(after.latest_revision).toBe(before.latest_revision);
  expect(after.draft?.version).toBe(before.draft?.version);
  expect(after.draft?.document).toEqual(before.draft?.document);
  noErrors();
});
