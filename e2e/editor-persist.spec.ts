import { buildPipeline, dragFromPalette, expect, node, openEditor, test } from './editor-fixtures';

test('the work is still there after a reload', async ({ page }) => {
  await openEditor(page);
  await buildPipeline(page);
  const title = page.getByRole('textbox', { name: 'Scenario title' });
  await title.fill('Order pipeline');
  await title.press('Enter');
  await page.reload();
  await expect(node(page, 'producer', 'P1')).toBeVisible();
  await expect(node(page, 'exchange', 'orders')).toBeVisible();
  await expect(node(page, 'queue', 'q1')).toBeVisible();
  await expect(node(page, 'consumer', 'C1')).toContainText('q1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(title).toHaveValue('Order pipeline');
});

test('a corrupt autosave is reported, kept for download, and the app starts fresh', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('warren.autosave', '{"version":1,"nodes":[{"id":"q","kind":"queue"}],"edges":[]}');
    }
  });
  await openEditor(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be opened');
  await expect(alert).toContainText('nodes[0]');
  await expect(node(page, 'queue')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('warren.autosave.corrupt'))).toContain('"kind":"queue"');
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download it' }).click();
  expect((await download).suggestedFilename()).toBe('warren-autosave-recovered.json');
  // The fresh canvas works and is saved as usual.
  await dragFromPalette(page, 'queue', 300, 200);
  await page.reload();
  await expect(node(page, 'queue', 'q1')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('New asks before discarding, and Cancel keeps the work', async ({ page }) => {
  await openEditor(page);
  await dragFromPalette(page, 'queue', 300, 200);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Start a new scenario?' });
  await expect(dialog).toContainText('1 node');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(node(page, 'queue', 'q1')).toBeVisible();
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(node(page, 'queue')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
