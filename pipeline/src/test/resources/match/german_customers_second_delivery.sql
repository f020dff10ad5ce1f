-- The second night's delivery: a new CRM account for Müller's second site (same debtor number), a new ERP
-- debtor for Becker (created twice in the ERP), and a customer seen for the first time.
insert into ops.file_load (load_id, run_id, source, file_name, file_hash, status, started_at) values
    (4, 2, 'crm', 'crm_accounts_20250102.csv', 'h4', 'LOADED', timestamp '2025-01-02 06:00:00'),
    (5, 2, 'erp', 'erp_debtors_20250102.csv', 'h5', 'LOADED', timestamp '2025-01-02 06:00:00');

insert into raw.crm_account (_load_id, _source_file, _file_hash, _sheet, _row_number, account_id, account_name, street,
    postcode, city, country, phone, email, website, vat_id, erp_debtor_no, industry, sales_region, account_owner,
    wallet_estimate_eur, created_date) values
    (4, 'crm_accounts_20250102.csv', 'h4', null, 1, 'A-1004', 'Müller Maschinenbau GmbH Werk 2', 'Gewerbestr. 9',
        '71065', 'Sindelfingen', 'DE', null, null, 'mueller-maschinenbau.de', null, '100001', 'Maschinenbau', 'Süd',
        'Anna Berg', null, date '2025-01-02'),
    (4, 'crm_accounts_20250102.csv', 'h4', null, 2, 'A-1005', 'Hoffmann Lebensmitteltechnik KG', 'Domplatz 1',
        '48143', 'Münster', 'DE', '0251 777000', 'info@hoffmann-lt.de', 'hoffmann-lt.de', null, null,
        'Lebensmittelindustrie', 'West', 'Jan Ohm', 40000.00, date '2025-01-02');

insert into raw.erp_debtor (_load_id, _source_file, _file_hash, _sheet, _row_number, debtor_no, name1, name2, street,
    postcode, city, country, vat_id, currency, industry, sales_region, account_manager, phone) values
    (5, 'erp_debtors_20250102.csv', 'h5', null, 1, '100004', 'Becker Elektrotechnik', 'AG', 'Rheinallee 40', '55118',
        'Mainz', 'DE', null, 'EUR', 'Elektrotechnik', 'West', 'Ohm', '06131-987650');
