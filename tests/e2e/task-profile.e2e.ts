import { expect, test } from '@playwright/test';
import { ensureFixture, FACILITATOR_A } from './accounts';
import { login, readDatabase } from './support';

test.beforeAll(() => {
	ensureFixture();
});

test('the takenprofiel says where the national share of long-term support comes from, and why', async ({
	page
}) => {
	const session = readDatabase(
		(db) =>
			db
				.prepare(
					`SELECT s.id FROM sessions s JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id
					 JOIN teams t ON t.id = s.team_id
					 WHERE q.questionnaire_id = 'takenprofiel' AND t.name = 'Wijkteam Noord' AND s.status = 'closed'`
				)
				.pluck()
				.get() as number
	);
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${session}/resultaten`);
	const note = page.getByText('Waar komt het landelijke cijfer voor langdurige hulp vandaan?');
	await expect(note).toBeVisible();
	await expect(note).toContainText('Wij gebruiken 62,5%');
	await expect(note).toContainText('noemt 19%');
	await expect(note).toContainText('een andere groep en een andere vraag');
});
