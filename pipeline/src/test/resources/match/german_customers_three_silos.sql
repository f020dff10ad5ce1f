-- Hand-made German customers spread over the three silos, written for the matching tests.
-- Müller Maschinenbau: CRM + ERP (debtor no. in CRM) + rep list, spelled three ways.
-- Schmidt Metallbau GmbH & Co. KG: CRM + ERP, same VAT id, no debtor reference.
-- Becker Elektrotechnik AG: CRM + rep list, phone written differently.
-- Weber Kunststofftechnik GmbH: ERP only.
-- Schmidt Maschinenbau GmbH (Stuttgart) and Schmidt Metallbau (Bremen) are different companies; the rep list's
-- "Schmidt GmbH" has Stuttgart's address but Bremen's phone and web domain: the chain A~B~C.
insert into ops.file_load (load_id, run_id, source, file_name, file_hash, status, started_at) values
    (1, 1, 'crm', 'crm_accounts_20250101.csv', 'h1', 'LOADED', timestamp '2025-01-01 06:00:00'),
    (2, 1, 'erp', 'erp_debtors_20250101.csv', 'h2', 'LOADED', timestamp '2025-01-01 06:00:00'),
    (3, 1, 'excel', 'Kundenliste_Meier.xlsx', 'h3', 'LOADED', timestamp '2025-01-02 07:30:00');

insert into raw.crm_account (_load_id, _source_file, _file_hash, _sheet, _row_number, account_id, account_name, street,
    postcode, city, country, phone, email, website, vat_id, erp_debtor_no, industry, sales_region, account_owner,
    wallet_estimate_eur, created_date) values
    (1, 'crm_accounts_20250101.csv', 'h1', null, 1, 'A-1001', 'Müller Maschinenbau GmbH', 'Hauptstr. 12', '70173',
        'Stuttgart', 'Deutschland', '0711 123456', 'info@mueller-maschinenbau.de', 'https://www.mueller-maschinenbau.de',
        null, '100001', 'Maschinenbau', 'Süd', 'Anna Berg', 250000.00, date '2019-03-01'),
    (1, 'crm_accounts_20250101.csv', 'h1', null, 2, 'A-1002', 'Schmidt Metallbau GmbH & Co. KG', 'Hafenstraße 3',
        '28195', 'Bremen', 'DE', '0421 3330999', 'kontakt@schmidt-metallbau.de', 'schmidt-metallbau.de',
        'DE 136 695 976', null, 'Maschinenbau', 'Nord', 'Jan Ohm', 120000.00, date '2020-05-11'),
    (1, 'crm_accounts_20250101.csv', 'h1', null, 3, 'A-1003', 'Becker Elektrotechnik AG', 'Rheinallee 40',
        '55118', 'Mainz', 'Germany', '+49 6131 987650', null, 'becker-elektro.de', null, null, 'Elektrotechnik', 'West',
        'Jan Ohm', 90000.00, date '2021-01-20'),
    (1, 'crm_accounts_20250101.csv', 'h1', null, 4, 'A-2001', 'Schmidt Maschinenbau GmbH', 'Industriestr. 5',
        '70565', 'Stuttgart', 'DE', '0711 5550100', null, 'schmidt-maschinenbau.de', null, null, 'Maschinenbau', 'Süd',
        'Anna Berg', 60000.00, date '2022-07-01');

insert into raw.erp_debtor (_load_id, _source_file, _file_hash, _sheet, _row_number, debtor_no, name1, name2, street,
    postcode, city, country, vat_id, currency, industry, sales_region, account_manager, phone) values
    (2, 'erp_debtors_20250101.csv', 'h2', null, 1, '100001', 'Mueller Maschinenbau', 'GmbH', 'Hauptstrasse 12', '70173',
        'Stuttgart', 'DE', null, 'EUR', 'Maschinenbau', 'Süd', 'Berg', '+49 711 123456'),
    (2, 'erp_debtors_20250101.csv', 'h2', null, 2, '100002', 'Schmidt Metallbau GmbH u. Co. KG', null, 'Hafenstr. 3',
        '28195', 'Bremen', 'DE', 'DE136695976', 'EUR', 'Maschinenbau', 'Nord', 'Ohm', '0421/3330999'),
    (2, 'erp_debtors_20250101.csv', 'h2', null, 3, '100003', 'Weber Kunststofftechnik GmbH', null, 'Am Wall 7', '01067',
        'Dresden', 'DE', null, 'EUR', 'Chemie & Pharma', 'Ost', 'Ohm', '0351 4440');

insert into raw.sales_rep_customer (_load_id, _source_file, _file_hash, _sheet, _row_number, list_no, company_name,
    street, postcode, city, contact_person, phone, email, potential_eur, remark) values
    (3, 'Kundenliste_Meier.xlsx', 'h3', 'Kunden', 6, '1', 'Müller Maschinenbau', 'Hauptstraße 12', '70173', 'Stuttgart',
        'Klaus Müller', '0711/123456', 'k.mueller@mueller-maschinenbau.de', 50000.00, 'A-Kunde'),
    (3, 'Kundenliste_Meier.xlsx', 'h3', 'Kunden', 7, '2', 'Becker Elektrotechnik', 'Rheinallee 40', '55118', 'Mainz',
        'Eva Becker', '06131 987650', 'eva.becker@gmx.de', 30000.00, null),
    (3, 'Kundenliste_Meier.xlsx', 'h3', 'Kunden', 8, '3', 'Schmidt GmbH', 'Industriestraße 5', '70565', 'Stuttgart',
        'Herr Schmidt', '0421 3330999', 'info@schmidt-metallbau.de', 10000.00, 'Telefon prüfen');
