/**
 * The header on a small laptop screen: at 1,100 CSS pixels (a 1,366-pixel Windows laptop at 125 %) and at 1280 × 800,
 * in every language, the coordinator's whole menu, name and Lock button are in view and nothing makes the page scroll
 * sideways; the Lock button stays on the first row, beside the name, where it is looked for.
 */
import { LOCALES } from '@shared/locales';
import { expect, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, ui, unlock } from './flows';

const PERSON = { name: 'Aino-Maria Vainikkala-Lindqvist', passphrase: 'kimalainen lyhty purje omenapuu' };
const NAV = ['home', 'participants', 'referrals', 'programme', 'reports', 'search', 'audit', 'staff', 'settings'];

for (const locale of LOCALES) {
  test.describe(`the header in ${locale}`, () => {
    test.use({ appOptions: { locale, kdfCost: 'test' } });

    test('fits a small laptop screen with the Lock button on its first row', async ({ app }) => {
      const { page } = app;
      await setUpLockedVault(app, locale, PERSON);
      await unlock(page, locale, PERSON.passphrase);
      const s = ui(page, locale);
      for (const width of [1100, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const lock = await s.button('shell.lock').boundingBox();
        const brand = await page.locator('.brand').boundingBox();
        expect(lock && brand, 'the Lock button and the name are shown').toBeTruthy();
        if (!lock || !brand) return;
        expect(lock.x + lock.width, `Lock inside ${width} px`).toBeLessThanOrEqual(width);
        expect(Math.abs(lock.y + lock.height / 2 - (brand.y + brand.height / 2)), 'Lock on the first row').toBeLessThan(
          lock.height,
        );
        for (const p of NAV) {
          const item = await s.button(`shell.nav.${p}`).boundingBox();
          expect(item, p).toBeTruthy();
          if (item) expect(item.x + item.width, `${p} inside ${width} px`).toBeLessThanOrEqual(width);
        }
        expect(await page.evaluate<number>('document.documentElement.scrollWidth'), 'no sideways scrolling').toBeLessThanOrEqual(
          width,
        );
        await page.screenshot({ path: test.info().outputPath(`header-${locale}-${width}.png`) });
      }
      expectCleanRun(app);
    });
  });
}
