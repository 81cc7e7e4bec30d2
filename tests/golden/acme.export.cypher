// intgraph 0.1.0: the integration landscape of the vault 'acme'
// Idempotent: every node is MERGEd on a stable key; run it again at will.
// Neo4j: cypher-shell -u neo4j -p PASSWORD -f landscape.cypher
CREATE CONSTRAINT intgraph_system_key IF NOT EXISTS FOR (s:System) REQUIRE (s.vault, s.key) IS UNIQUE;
CREATE CONSTRAINT intgraph_integration_path IF NOT EXISTS FOR (i:Integration) REQUIRE (i.vault, i.path) IS UNIQUE;
UNWIND [
  {key: 'note:systems/adp payroll.md', name: 'ADP Payroll', path: 'Systems/ADP Payroll.md', aliases: ['ADP', 'ADP GlobalView'], middleware: false, owner: 'Olivia Grant'},
  {key: 'note:systems/avalara avatax.md', name: 'Avalara AvaTax', path: 'Systems/Avalara AvaTax.md', aliases: ['Avalara'], middleware: false, owner: 'Marcus Webb'},
  {key: 'note:systems/azure data factory.md', name: 'Azure Data Factory', path: 'Systems/Azure Data Factory.md', aliases: ['ADF'], middleware: true, owner: 'Priya Nair'},
  {key: 'name:bank of america cashpro', name: 'Bank of America CashPro', path: null, aliases: [], middleware: false, owner: null},
  {key: 'note:systems/blue yonder planning.md', name: 'Blue Yonder Planning', path: 'Systems/Blue Yonder Planning.md', aliases: ['Blue Yonder', 'JDA'], middleware: false, owner: 'Hannah Becker'},
  {key: 'note:systems/confluent kafka.md', name: 'Confluent Kafka', path: 'Systems/Confluent Kafka.md', aliases: ['Kafka'], middleware: true, owner: 'Samuel Okafor'},
  {key: 'note:systems/coupa procurement.md', name: 'Coupa Procurement', path: 'Systems/Coupa Procurement.md', aliases: ['Coupa'], middleware: false, owner: 'Marcus Webb'},
  {key: 'note:systems/fedex shipping api.md', name: 'FedEx Shipping API', path: 'Systems/FedEx Shipping API.md', aliases: ['FedEx'], middleware: false, owner: 'Hannah Becker'},
  {key: 'note:systems/kyriba treasury.md', name: 'Kyriba Treasury', path: 'Systems/Kyriba Treasury.md', aliases: ['Kyriba'], middleware: false, owner: 'Laura Chen'},
  {key: 'name:legacy as/400 billing', name: 'Legacy AS/400 Billing', path: null, aliases: [], middleware: false, owner: null},
  {key: 'note:systems/manhattan wms.md', name: 'Manhattan WMS', path: 'Systems/Manhattan WMS.md', aliases: ['WMS'], middleware: false, owner: 'Hannah Becker'},
  {key: 'note:systems/mulesoft anypoint.md', name: 'MuleSoft Anypoint', path: 'Systems/MuleSoft Anypoint.md', aliases: ['MuleSoft', 'Anypoint'], middleware: true, owner: 'Kenji Watanabe'},
  {key: 'note:systems/okta identity.md', name: 'Okta Identity', path: 'Systems/Okta Identity.md', aliases: ['Okta'], middleware: false, owner: 'Ahmed Hassan'},
  {key: 'note:systems/salesforce crm.md', name: 'Salesforce CRM', path: 'Systems/Salesforce CRM.md', aliases: ['SFDC', 'Salesforce'], middleware: false, owner: 'Rachel Morgan'},
  {key: 'note:systems/sap erp.md', name: 'SAP ERP', path: 'Systems/SAP ERP.md', aliases: ['SAP', 'S/4HANA'], middleware: false, owner: 'David Kowalski'},
  {key: 'note:systems/servicenow.md', name: 'ServiceNow', path: 'Systems/ServiceNow.md', aliases: ['SNOW', 'ServiceNow ITSM'], middleware: false, owner: 'Ahmed Hassan'},
  {key: 'note:systems/sftp gateway.md', name: 'SFTP Gateway', path: 'Systems/SFTP Gateway.md', aliases: ['MFT', 'GoAnywhere MFT'], middleware: true, owner: 'David Kowalski'},
  {key: 'note:systems/shopify plus.md', name: 'Shopify Plus', path: 'Systems/Shopify Plus.md', aliases: ['Shopify'], middleware: false, owner: 'Jane Doe'},
  {key: 'note:systems/snowflake dw.md', name: 'Snowflake DW', path: 'Systems/Snowflake DW.md', aliases: ['Snowflake', 'EDW'], middleware: false, owner: 'Priya Nair'},
  {key: 'note:systems/stripe payments.md', name: 'Stripe Payments', path: 'Systems/Stripe Payments.md', aliases: ['Stripe'], middleware: false, owner: 'Laura Chen'},
  {key: 'note:systems/tableau server.md', name: 'Tableau Server', path: 'Systems/Tableau Server.md', aliases: [], middleware: false, owner: 'Elena Petrova'},
  {key: 'note:systems/workday hcm.md', name: 'Workday HCM', path: 'Systems/Workday HCM.md', aliases: ['Workday'], middleware: false, owner: 'Olivia Grant'}
] AS row
MERGE (s:System {vault: 'acme', key: row.key})
SET s.name = row.name, s.path = row.path, s.aliases = row.aliases,
    s.middleware = row.middleware, s.owner = row.owner;
UNWIND [
  {path: 'Integrations/Data & Analytics/Okta Sign-in Logs to Snowflake.md', id: 'INT-2026-005', title: 'Okta Sign-in Logs to Snowflake', status: 'Planning', category: 'Data', classification: 'Internal', protocol: 'HTTPS/REST', owner: 'Ahmed Hassan'},
  {path: 'Integrations/Data & Analytics/SAP Finance Data to Snowflake.md', id: 'INT-2024-030', title: 'SAP Finance Data to Snowflake', status: 'Production', category: 'Data', classification: 'Internal', protocol: 'RFC (ODP) and HTTPS', owner: 'Priya Nair'},
  {path: 'Integrations/Data & Analytics/Salesforce Pipeline to Snowflake.md', id: 'INT-24-7', title: 'Salesforce Pipeline to Snowflake', status: 'Production', category: 'Data', classification: 'Internal', protocol: 'HTTPS/REST', owner: 'Priya Nair'},
  {path: 'Integrations/Data & Analytics/ServiceNow Incident Metrics to Snowflake.md', id: 'INT-2025-015', title: 'ServiceNow Incident Metrics to Snowflake', status: 'Development', category: 'Data', classification: 'Internal', protocol: 'HTTPS/REST', owner: 'Priya Nair'},
  {path: 'Integrations/Data & Analytics/Snowflake to Tableau Extract Refresh.md', id: 'INT-2025-013', title: 'Snowflake to Tableau Extract Refresh', status: 'Production', category: 'Data', classification: 'Internal', protocol: 'HTTPS, ODBC over TLS', owner: 'Priya Nair'},
  {path: 'Integrations/Drafts/New Vendor Onboarding.md', id: null, title: 'New Vendor Onboarding', status: null, category: null, classification: null, protocol: null, owner: null},
  {path: 'Integrations/Finance/AS400 Billing Extract to SAP FI.md', id: 'INT-2021-014', title: 'AS/400 Billing Extract to SAP FI', status: 'Deprecated', category: 'Data', classification: 'Internal', protocol: 'SFTP', owner: 'Marcus Webb'},
  {path: 'Integrations/Finance/Avalara Tax Calculation for SAP Billing.md', id: 'INT-2024-019', title: 'Avalara Tax Calculation for SAP Billing', status: 'Production', category: 'API', classification: 'External', protocol: 'HTTPS/REST', owner: 'Marcus Webb'},
  {path: 'Integrations/Finance/Coupa Purchase Orders to SAP.md', id: 'INT-2024-007', title: 'Coupa Purchase Orders to SAP', status: 'Production', category: 'Process', classification: 'Hybrid', protocol: 'HTTPS/REST and SAP RFC', owner: 'Marcus Webb'},
  {path: 'Integrations/Finance/Coupa Supplier Onboarding to SAP Vendor Master.md', id: 'INT-2024-008', title: 'Coupa Supplier Onboarding to SAP Vendor Master', status: 'Production', category: 'Data', classification: 'Hybrid', protocol: 'HTTPS/REST (OData)', owner: 'Marcus Webb'},
  {path: 'Integrations/Finance/Kyriba Cash Positioning Feed.md', id: 'INT-2023-011', title: 'Kyriba Cash Positioning Feed', status: 'Production', category: 'Data', classification: 'Hybrid', protocol: 'SFTP', owner: 'Laura Chen'},
  {path: 'Integrations/Finance/Stripe Payouts Reconciliation to SAP.md', id: 'INT-2025-002', title: 'Stripe Payouts Reconciliation to SAP', status: 'Production', category: 'Data', classification: 'External', protocol: 'HTTPS/REST and SOAP', owner: 'Laura Chen'},
  {path: 'Integrations/Finance/Vendor Payments to Bank of America.md', id: 'INT-2022-003', title: 'Vendor Payments to Bank of America', status: 'Production', category: 'Process', classification: 'External', protocol: 'SFTP with PGP', owner: 'Marcus Webb'},
  {path: 'Integrations/HR/ADP Payroll Journal to SAP GL.md', id: 'INT-2024-024', title: 'ADP Payroll Journal to SAP GL', status: 'Production', category: 'Data', classification: 'External', protocol: 'SFTP with PGP', owner: 'Marcus Webb'},
  {path: 'Integrations/HR/Joiner-Mover-Leaver Provisioning to Okta.md', id: 'INT-2024-022', title: 'Joiner-Mover-Leaver Provisioning to Okta', status: 'Production', category: 'Process', classification: 'Internal', protocol: 'HTTPS/REST', owner: 'Olivia Grant'},
  {path: 'Integrations/HR/Workday Org Hierarchy CSV to ServiceNow.md', id: 'INT-2019-004', title: 'Workday Org Hierarchy CSV to ServiceNow', status: 'Deprecated', category: 'Data', classification: 'Internal', protocol: 'SFTP', owner: 'Olivia Grant'},
  {path: 'Integrations/HR/Workday Worker Changes to ADP Payroll.md', id: 'INT-2024-022', title: 'Workday Worker Changes to ADP Payroll', status: 'Production', category: 'Process', classification: 'External', protocol: 'HTTPS (SOAP in, REST out)', owner: 'Olivia Grant'},
  {path: 'Integrations/HR/Workday Worker Sync to ServiceNow.md', id: 'INT-2025-012', title: 'Workday Worker Sync to ServiceNow', status: 'Live', category: 'Data', classification: 'Internal', protocol: 'HTTPS (SOAP/REST)', owner: 'Olivia Grant'},
  {path: 'Integrations/Sales/Order to Cash - Salesforce Orders to SAP.md', id: 'INT-2024-012', title: 'Order to Cash - Salesforce Orders to SAP', status: 'Production', category: 'Process', classification: 'Internal', protocol: 'HTTPS/REST', owner: 'Jane Doe'},
  {path: 'Integrations/Sales/SAP Customer Master to Salesforce.md', id: 'INT-2024-013', title: 'SAP Customer Master to Salesforce', status: 'Production', category: 'Data', classification: 'Internal', protocol: 'HTTPS/REST', owner: 'Rachel Morgan'},
  {path: 'Integrations/Sales/SAP Invoices and Payment Status to Salesforce.md', id: 'INT-2024-014', title: 'SAP Invoices and Payment Status to Salesforce', status: 'Production', category: 'Data', classification: 'Internal', protocol: 'Kafka (Avro), HTTPS/REST', owner: 'Jane Doe'},
  {path: 'Integrations/Sales/SAP Product Catalog to Salesforce.md', id: 'INT-2025-016', title: 'SAP Product Catalog to Salesforce', status: 'Production', category: 'Data', classification: 'Internal', protocol: 'HTTPS/REST', owner: 'Rachel Morgan'},
  {path: 'Integrations/Sales/Salesforce Case Escalation to ServiceNow.md', id: 'INT-2026-004', title: 'Salesforce Case Escalation to ServiceNow', status: 'Development', category: 'Process', classification: 'Internal', protocol: 'HTTPS/REST', owner: 'Rachel Morgan'},
  {path: 'Integrations/Sales/Shopify Plus Web Orders to SAP.md', id: 'INT-2025-006', title: 'Shopify Plus Web Orders to SAP', status: 'Production', category: 'Process', classification: 'External', protocol: 'HTTPS webhooks, Kafka', owner: 'Jane Doe'},
  {path: 'Integrations/Sales/Stripe Payment Events to Salesforce.md', id: 'INT-2025-008', title: 'Stripe Payment Events to Salesforce', status: 'Production', category: 'Data', classification: 'External', protocol: 'Kafka, HTTPS', owner: 'Rachel Morgan'},
  {path: 'Integrations/Supply Chain/Blue Yonder Demand Forecast to SAP.md', id: 'INT-2025-009', title: 'Blue Yonder Demand Forecast to SAP', status: 'Production', category: 'Data', classification: 'External', protocol: 'SFTP with PGP', owner: 'Hannah Becker'},
  {path: 'Integrations/Supply Chain/Carrier Label Requests to FedEx.md', id: 'INT-2024-017', title: 'Carrier Label Requests to FedEx', status: 'Production', category: 'API', classification: 'External', protocol: 'HTTPS/REST', owner: 'Hannah Becker'},
  {path: 'Integrations/Supply Chain/FedEx Tracking Events to Service Cloud.md', id: 'INT-2025-004', title: 'FedEx Tracking Events to Service Cloud', status: 'Production', category: 'Data', classification: 'External', protocol: 'HTTPS/REST', owner: 'Hannah Becker'},
  {path: 'Integrations/Supply Chain/Inventory Snapshot Distribution.md', id: 'INT-2025-010', title: 'Inventory Snapshot Distribution', status: 'Production', category: 'Data', classification: 'Hybrid', protocol: 'Kafka (Avro), HTTPS', owner: 'Hannah Becker'},
  {path: 'Integrations/Supply Chain/SAP Delivery IDoc File Drop to WMS.md', id: 'INT-2020-006', title: 'SAP Delivery IDoc File Drop to WMS', status: 'Deprecated', category: 'Process', classification: 'Internal', protocol: 'SFTP', owner: 'Hannah Becker'},
  {path: 'Integrations/Supply Chain/SAP Outbound Deliveries to Manhattan WMS.md', id: 'INT-2024-015', title: 'SAP Outbound Deliveries to Manhattan WMS', status: 'Production', category: 'Process', classification: 'Internal', protocol: 'Kafka (Avro)', owner: 'Hannah Becker'},
  {path: 'Integrations/Supply Chain/Shopify Returns to Manhattan WMS.md', id: 'INT-2026-002', title: 'Shopify Returns to Manhattan WMS', status: 'Planning', category: 'Process', classification: null, protocol: null, owner: 'Hannah Becker'},
  {path: 'Integrations/Supply Chain/WMS Shipment Confirmations to SAP.md', id: 'INT-2024-016', title: 'WMS Shipment Confirmations to SAP', status: 'Production', category: 'Process', classification: 'Internal', protocol: 'Kafka (Avro), HTTPS/REST', owner: 'Hannah Becker'}
] AS row
MERGE (i:Integration {vault: 'acme', path: row.path})
SET i.id = row.id, i.title = row.title, i.status = row.status,
    i.category = row.category, i.classification = row.classification,
    i.protocol = row.protocol, i.owner = row.owner;
// what the vault no longer has
MATCH (s:System {vault: 'acme'})
WHERE NOT s.key IN ['note:systems/adp payroll.md', 'note:systems/avalara avatax.md', 'note:systems/azure data factory.md', 'name:bank of america cashpro', 'note:systems/blue yonder planning.md', 'note:systems/confluent kafka.md', 'note:systems/coupa procurement.md', 'note:systems/fedex shipping api.md', 'note:systems/kyriba treasury.md', 'name:legacy as/400 billing', 'note:systems/manhattan wms.md', 'note:systems/mulesoft anypoint.md', 'note:systems/okta identity.md', 'note:systems/salesforce crm.md', 'note:systems/sap erp.md', 'note:systems/servicenow.md', 'note:systems/sftp gateway.md', 'note:systems/shopify plus.md', 'note:systems/snowflake dw.md', 'note:systems/stripe payments.md', 'note:systems/tableau server.md', 'note:systems/workday hcm.md']
DETACH DELETE s;
MATCH (i:Integration {vault: 'acme'})
WHERE NOT i.path IN ['Integrations/Data & Analytics/Okta Sign-in Logs to Snowflake.md', 'Integrations/Data & Analytics/SAP Finance Data to Snowflake.md', 'Integrations/Data & Analytics/Salesforce Pipeline to Snowflake.md', 'Integrations/Data & Analytics/ServiceNow Incident Metrics to Snowflake.md', 'Integrations/Data & Analytics/Snowflake to Tableau Extract Refresh.md', 'Integrations/Drafts/New Vendor Onboarding.md', 'Integrations/Finance/AS400 Billing Extract to SAP FI.md', 'Integrations/Finance/Avalara Tax Calculation for SAP Billing.md', 'Integrations/Finance/Coupa Purchase Orders to SAP.md', 'Integrations/Finance/Coupa Supplier Onboarding to SAP Vendor Master.md', 'Integrations/Finance/Kyriba Cash Positioning Feed.md', 'Integrations/Finance/Stripe Payouts Reconciliation to SAP.md', 'Integrations/Finance/Vendor Payments to Bank of America.md', 'Integrations/HR/ADP Payroll Journal to SAP GL.md', 'Integrations/HR/Joiner-Mover-Leaver Provisioning to Okta.md', 'Integrations/HR/Workday Org Hierarchy CSV to ServiceNow.md', 'Integrations/HR/Workday Worker Changes to ADP Payroll.md', 'Integrations/HR/Workday Worker Sync to ServiceNow.md', 'Integrations/Sales/Order to Cash - Salesforce Orders to SAP.md', 'Integrations/Sales/SAP Customer Master to Salesforce.md', 'Integrations/Sales/SAP Invoices and Payment Status to Salesforce.md', 'Integrations/Sales/SAP Product Catalog to Salesforce.md', 'Integrations/Sales/Salesforce Case Escalation to ServiceNow.md', 'Integrations/Sales/Shopify Plus Web Orders to SAP.md', 'Integrations/Sales/Stripe Payment Events to Salesforce.md', 'Integrations/Supply Chain/Blue Yonder Demand Forecast to SAP.md', 'Integrations/Supply Chain/Carrier Label Requests to FedEx.md', 'Integrations/Supply Chain/FedEx Tracking Events to Service Cloud.md', 'Integrations/Supply Chain/Inventory Snapshot Distribution.md', 'Integrations/Supply Chain/SAP Delivery IDoc File Drop to WMS.md', 'Integrations/Supply Chain/SAP Outbound Deliveries to Manhattan WMS.md', 'Integrations/Supply Chain/Shopify Returns to Manhattan WMS.md', 'Integrations/Supply Chain/WMS Shipment Confirmations to SAP.md']
DETACH DELETE i;
MATCH (:System)-[r:SENDS]->(:Integration {vault: 'acme'}) DELETE r;
MATCH (:Integration {vault: 'acme'})-[r:DELIVERS|VIA]->(:System) DELETE r;
UNWIND [
  {system: 'note:systems/okta identity.md', integration: 'Integrations/Data & Analytics/Okta Sign-in Logs to Snowflake.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Data & Analytics/SAP Finance Data to Snowflake.md'},
  {system: 'note:systems/salesforce crm.md', integration: 'Integrations/Data & Analytics/Salesforce Pipeline to Snowflake.md'},
  {system: 'note:systems/servicenow.md', integration: 'Integrations/Data & Analytics/ServiceNow Incident Metrics to Snowflake.md'},
  {system: 'note:systems/snowflake dw.md', integration: 'Integrations/Data & Analytics/Snowflake to Tableau Extract Refresh.md'},
  {system: 'name:legacy as/400 billing', integration: 'Integrations/Finance/AS400 Billing Extract to SAP FI.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Finance/Avalara Tax Calculation for SAP Billing.md'},
  {system: 'note:systems/coupa procurement.md', integration: 'Integrations/Finance/Coupa Purchase Orders to SAP.md'},
  {system: 'note:systems/coupa procurement.md', integration: 'Integrations/Finance/Coupa Supplier Onboarding to SAP Vendor Master.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Finance/Kyriba Cash Positioning Feed.md'},
  {system: 'note:systems/stripe payments.md', integration: 'Integrations/Finance/Stripe Payouts Reconciliation to SAP.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Finance/Vendor Payments to Bank of America.md'},
  {system: 'note:systems/adp payroll.md', integration: 'Integrations/HR/ADP Payroll Journal to SAP GL.md'},
  {system: 'note:systems/servicenow.md', integration: 'Integrations/HR/Joiner-Mover-Leaver Provisioning to Okta.md'},
  {system: 'note:systems/workday hcm.md', integration: 'Integrations/HR/Joiner-Mover-Leaver Provisioning to Okta.md'},
  {system: 'note:systems/workday hcm.md', integration: 'Integrations/HR/Workday Org Hierarchy CSV to ServiceNow.md'},
  {system: 'note:systems/workday hcm.md', integration: 'Integrations/HR/Workday Worker Changes to ADP Payroll.md'},
  {system: 'note:systems/workday hcm.md', integration: 'Integrations/HR/Workday Worker Sync to ServiceNow.md'},
  {system: 'note:systems/salesforce crm.md', integration: 'Integrations/Sales/Order to Cash - Salesforce Orders to SAP.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Sales/SAP Customer Master to Salesforce.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Sales/SAP Invoices and Payment Status to Salesforce.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Sales/SAP Product Catalog to Salesforce.md'},
  {system: 'note:systems/salesforce crm.md', integration: 'Integrations/Sales/Salesforce Case Escalation to ServiceNow.md'},
  {system: 'note:systems/shopify plus.md', integration: 'Integrations/Sales/Shopify Plus Web Orders to SAP.md'},
  {system: 'note:systems/stripe payments.md', integration: 'Integrations/Sales/Stripe Payment Events to Salesforce.md'},
  {system: 'note:systems/blue yonder planning.md', integration: 'Integrations/Supply Chain/Blue Yonder Demand Forecast to SAP.md'},
  {system: 'note:systems/manhattan wms.md', integration: 'Integrations/Supply Chain/Carrier Label Requests to FedEx.md'},
  {system: 'note:systems/fedex shipping api.md', integration: 'Integrations/Supply Chain/FedEx Tracking Events to Service Cloud.md'},
  {system: 'note:systems/manhattan wms.md', integration: 'Integrations/Supply Chain/Inventory Snapshot Distribution.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Supply Chain/Inventory Snapshot Distribution.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Supply Chain/SAP Delivery IDoc File Drop to WMS.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Supply Chain/SAP Outbound Deliveries to Manhattan WMS.md'},
  {system: 'note:systems/shopify plus.md', integration: 'Integrations/Supply Chain/Shopify Returns to Manhattan WMS.md'},
  {system: 'note:systems/manhattan wms.md', integration: 'Integrations/Supply Chain/WMS Shipment Confirmations to SAP.md'}
] AS row
MATCH (s:System {vault: 'acme', key: row.system})
MATCH (i:Integration {vault: 'acme', path: row.integration})
MERGE (s)-[:SENDS]->(i);
UNWIND [
  {system: 'note:systems/snowflake dw.md', integration: 'Integrations/Data & Analytics/Okta Sign-in Logs to Snowflake.md'},
  {system: 'note:systems/snowflake dw.md', integration: 'Integrations/Data & Analytics/SAP Finance Data to Snowflake.md'},
  {system: 'note:systems/snowflake dw.md', integration: 'Integrations/Data & Analytics/Salesforce Pipeline to Snowflake.md'},
  {system: 'note:systems/snowflake dw.md', integration: 'Integrations/Data & Analytics/ServiceNow Incident Metrics to Snowflake.md'},
  {system: 'note:systems/tableau server.md', integration: 'Integrations/Data & Analytics/Snowflake to Tableau Extract Refresh.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Finance/AS400 Billing Extract to SAP FI.md'},
  {system: 'note:systems/avalara avatax.md', integration: 'Integrations/Finance/Avalara Tax Calculation for SAP Billing.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Finance/Coupa Purchase Orders to SAP.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Finance/Coupa Supplier Onboarding to SAP Vendor Master.md'},
  {system: 'note:systems/kyriba treasury.md', integration: 'Integrations/Finance/Kyriba Cash Positioning Feed.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Finance/Stripe Payouts Reconciliation to SAP.md'},
  {system: 'name:bank of america cashpro', integration: 'Integrations/Finance/Vendor Payments to Bank of America.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/HR/ADP Payroll Journal to SAP GL.md'},
  {system: 'note:systems/okta identity.md', integration: 'Integrations/HR/Joiner-Mover-Leaver Provisioning to Okta.md'},
  {system: 'note:systems/servicenow.md', integration: 'Integrations/HR/Workday Org Hierarchy CSV to ServiceNow.md'},
  {system: 'note:systems/adp payroll.md', integration: 'Integrations/HR/Workday Worker Changes to ADP Payroll.md'},
  {system: 'note:systems/servicenow.md', integration: 'Integrations/HR/Workday Worker Sync to ServiceNow.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Sales/Order to Cash - Salesforce Orders to SAP.md'},
  {system: 'note:systems/salesforce crm.md', integration: 'Integrations/Sales/SAP Customer Master to Salesforce.md'},
  {system: 'note:systems/salesforce crm.md', integration: 'Integrations/Sales/SAP Invoices and Payment Status to Salesforce.md'},
  {system: 'note:systems/snowflake dw.md', integration: 'Integrations/Sales/SAP Invoices and Payment Status to Salesforce.md'},
  {system: 'note:systems/salesforce crm.md', integration: 'Integrations/Sales/SAP Product Catalog to Salesforce.md'},
  {system: 'note:systems/servicenow.md', integration: 'Integrations/Sales/Salesforce Case Escalation to ServiceNow.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Sales/Shopify Plus Web Orders to SAP.md'},
  {system: 'note:systems/salesforce crm.md', integration: 'Integrations/Sales/Stripe Payment Events to Salesforce.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Supply Chain/Blue Yonder Demand Forecast to SAP.md'},
  {system: 'note:systems/fedex shipping api.md', integration: 'Integrations/Supply Chain/Carrier Label Requests to FedEx.md'},
  {system: 'note:systems/salesforce crm.md', integration: 'Integrations/Supply Chain/FedEx Tracking Events to Service Cloud.md'},
  {system: 'note:systems/blue yonder planning.md', integration: 'Integrations/Supply Chain/Inventory Snapshot Distribution.md'},
  {system: 'note:systems/snowflake dw.md', integration: 'Integrations/Supply Chain/Inventory Snapshot Distribution.md'},
  {system: 'note:systems/manhattan wms.md', integration: 'Integrations/Supply Chain/SAP Delivery IDoc File Drop to WMS.md'},
  {system: 'note:systems/manhattan wms.md', integration: 'Integrations/Supply Chain/SAP Outbound Deliveries to Manhattan WMS.md'},
  {system: 'note:systems/manhattan wms.md', integration: 'Integrations/Supply Chain/Shopify Returns to Manhattan WMS.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Supply Chain/Shopify Returns to Manhattan WMS.md'},
  {system: 'note:systems/sap erp.md', integration: 'Integrations/Supply Chain/WMS Shipment Confirmations to SAP.md'}
] AS row
MATCH (s:System {vault: 'acme', key: row.system})
MATCH (i:Integration {vault: 'acme', path: row.integration})
MERGE (i)-[:DELIVERS]->(s);
UNWIND [
  {system: 'note:systems/azure data factory.md', integration: 'Integrations/Data & Analytics/Okta Sign-in Logs to Snowflake.md'},
  {system: 'note:systems/azure data factory.md', integration: 'Integrations/Data & Analytics/SAP Finance Data to Snowflake.md'},
  {system: 'note:systems/azure data factory.md', integration: 'Integrations/Data & Analytics/Salesforce Pipeline to Snowflake.md'},
  {system: 'note:systems/azure data factory.md', integration: 'Integrations/Data & Analytics/ServiceNow Incident Metrics to Snowflake.md'},
  {system: 'note:systems/sftp gateway.md', integration: 'Integrations/Finance/AS400 Billing Extract to SAP FI.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Finance/Coupa Purchase Orders to SAP.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Finance/Coupa Supplier Onboarding to SAP Vendor Master.md'},
  {system: 'note:systems/sftp gateway.md', integration: 'Integrations/Finance/Kyriba Cash Positioning Feed.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Finance/Stripe Payouts Reconciliation to SAP.md'},
  {system: 'note:systems/sftp gateway.md', integration: 'Integrations/Finance/Vendor Payments to Bank of America.md'},
  {system: 'note:systems/sftp gateway.md', integration: 'Integrations/HR/ADP Payroll Journal to SAP GL.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/HR/Joiner-Mover-Leaver Provisioning to Okta.md'},
  {system: 'note:systems/sftp gateway.md', integration: 'Integrations/HR/Workday Org Hierarchy CSV to ServiceNow.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/HR/Workday Worker Changes to ADP Payroll.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/HR/Workday Worker Sync to ServiceNow.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Sales/Order to Cash - Salesforce Orders to SAP.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Sales/SAP Customer Master to Salesforce.md'},
  {system: 'note:systems/confluent kafka.md', integration: 'Integrations/Sales/SAP Invoices and Payment Status to Salesforce.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Sales/SAP Invoices and Payment Status to Salesforce.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Sales/SAP Product Catalog to Salesforce.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Sales/Salesforce Case Escalation to ServiceNow.md'},
  {system: 'note:systems/confluent kafka.md', integration: 'Integrations/Sales/Shopify Plus Web Orders to SAP.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Sales/Shopify Plus Web Orders to SAP.md'},
  {system: 'note:systems/confluent kafka.md', integration: 'Integrations/Sales/Stripe Payment Events to Salesforce.md'},
  {system: 'note:systems/sftp gateway.md', integration: 'Integrations/Supply Chain/Blue Yonder Demand Forecast to SAP.md'},
  {system: 'note:systems/mulesoft anypoint.md', integration: 'Integrations/Supply Chain/FedEx Tracking Events to Service Cloud.md'},
  {system: 'note:systems/confluent kafka.md', integration: 'Integrations/Supply Chain/Inventory Snapshot Distribution.md'},
  {system: 'note:systems/sftp gateway.md', integration: 'Integrations/Supply Chain/SAP Delivery IDoc File Drop to WMS.md'},
  {system: 'note:systems/confluent kafka.md', integration: 'Integrations/Supply Chain/SAP Outbound Deliveries to Manhattan WMS.md'},
  {system: 'note:systems/confluent kafka.md', integration: 'Integrations/Supply Chain/Shopify Returns to Manhattan WMS.md'},
  {system: 'note:systems/confluent kafka.md', integration: 'Integrations/Supply Chain/WMS Shipment Confirmations to SAP.md'}
] AS row
MATCH (s:System {vault: 'acme', key: row.system})
MATCH (i:Integration {vault: 'acme', path: row.integration})
MERGE (i)-[:VIA]->(s);
