/**
 * The demo data generator: an inbox for a fictional German Mittelstand manufacturer of drive technology and
 * automation components, in the formats of docs/inbox-formats.md, and the ground truth to test the pipeline with.
 *
 * <p>Entry point: {@link io.salesbi.generator.DemoDataGenerator}, configured by
 * {@link io.salesbi.generator.GeneratorSettings} (a {@code double} scale: 1.0 gives about 2,600 companies,
 * 4,900 customer records and 500,000 order lines over 2023 to 2025; 0.01 a small inbox for tests).
 *
 * <p>Ground truth in {@code outDir/truth/}: {@code customer_truth.csv} (every customer record of every source with
 * its entity), {@code companies.csv} (the true facts of each entity, to judge golden records against),
 * {@code planted_unprofitable.csv} and {@code planted_defects.csv}.
 *
 * <p>What the data holds, on purpose:
 * <ul>
 *   <li>Sources overlap: about 80% of companies are ERP customers, 70% of them are in the CRM (78% of those accounts
 *       carry the debtor number, about 60% of all accounts); prospects are only in the CRM, only in a rep list, or
 *       both. About 2.5% of ERP customers have a second debtor (often "Werk 2"), 2.5% of CRM accounts a later
 *       duplicate, 3% of rep list rows stand in a second rep's list.</li>
 *   <li>Spellings vary per source ({@code SpellingVariants}): legal forms dropped or abbreviated, umlauts folded,
 *       keyboard typos, swapped words, "Str." for "Straße", capitals, "Fa." prefixes; the ERP splits names longer
 *       than 35 characters into Name 1 and Name 2 and folds letters Windows-1252 cannot store.</li>
 *   <li>About 7% of companies look like an earlier one but are not: the same family name with another industry
 *       word (often in the same city), or the very same name in another city.</li>
 *   <li>Economics: six product groups, margins 25 to 55%, yearly list price increases, discounts by channel (field
 *       sales deep, web shop near list, distributors deepest, marketplace eroding every year), seasonality (weak
 *       August and December, strong March and October), growth, new and lost customers, a share of customers
 *       moving to the web shop, credit notes about 1.5% of revenue, channel costs that make field sales break even
 *       at best and EDI, inside sales and the web shop profitable, market volumes that put the own share at 3 to
 *       25% per industry and region.</li>
 *   <li>Planted unprofitable customers ({@code truth/planted_unprofitable.csv}, 8 per scale, at least 1): among the
 *       top tenth by revenue, deep discounts, and so many visits, tickets and special deliveries that the cost to
 *       serve (450, 60, 250 EUR each) exceeds their margin.</li>
 *   <li>Planted defects ({@code truth/planted_defects.csv}): order lines with a quantity that is no number, no
 *       debtor or an unknown article (together about 0.06% of lines), CRM accounts with an invalid e-mail (about
 *       0.3%), rep list PLZ typed as numbers that lost their leading zero.</li>
 *   <li>A sales-excellence self-assessment in two waves (the export's year and the year before;
 *       {@code SurveyWorkbookWriter}): activists in the first wave, doers in the second, a self-image rosier than
 *       the customers' view. The empty template in docs/templates is written by the same class.</li>
 * </ul>
 */
package io.salesbi.generator;
