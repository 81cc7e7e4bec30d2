workspace "acme" "Integration landscape exported by intgraph 0.1.0" {

    model {
        adp_payroll = softwareSystem "ADP Payroll" "" "" {
            properties {
                "path" "Systems/ADP Payroll.md"
                "aliases" "ADP, ADP GlobalView"
                "owner" "Olivia Grant"
                "middleware" "false"
            }
        }
        avalara_avatax = softwareSystem "Avalara AvaTax" "" "" {
            properties {
                "path" "Systems/Avalara AvaTax.md"
                "aliases" "Avalara"
                "owner" "Marcus Webb"
                "middleware" "false"
            }
        }
        azure_data_factory = softwareSystem "Azure Data Factory" "Middleware" "Middleware" {
            properties {
                "path" "Systems/Azure Data Factory.md"
                "aliases" "ADF"
                "owner" "Priya Nair"
                "middleware" "true"
            }
        }
        bank_of_america_cashpro = softwareSystem "Bank of America CashPro" "" "" {
            properties {
                "middleware" "false"
            }
        }
        blue_yonder_planning = softwareSystem "Blue Yonder Planning" "" "" {
            properties {
                "path" "Systems/Blue Yonder Planning.md"
                "aliases" "Blue Yonder, JDA"
                "owner" "Hannah Becker"
                "middleware" "false"
            }
        }
        confluent_kafka = softwareSystem "Confluent Kafka" "Middleware" "Middleware" {
            properties {
                "path" "Systems/Confluent Kafka.md"
                "aliases" "Kafka"
                "owner" "Samuel Okafor"
                "middleware" "true"
            }
        }
        coupa_procurement = softwareSystem "Coupa Procurement" "" "" {
            properties {
                "path" "Systems/Coupa Procurement.md"
                "aliases" "Coupa"
                "owner" "Marcus Webb"
                "middleware" "false"
            }
        }
        fedex_shipping_api = softwareSystem "FedEx Shipping API" "" "" {
            properties {
                "path" "Systems/FedEx Shipping API.md"
                "aliases" "FedEx"
                "owner" "Hannah Becker"
                "middleware" "false"
            }
        }
        kyriba_treasury = softwareSystem "Kyriba Treasury" "" "" {
            properties {
                "path" "Systems/Kyriba Treasury.md"
                "aliases" "Kyriba"
                "owner" "Laura Chen"
                "middleware" "false"
            }
        }
        legacy_as_400_billing = softwareSystem "Legacy AS/400 Billing" "" "" {
            properties {
                "middleware" "false"
            }
        }
        manhattan_wms = softwareSystem "Manhattan WMS" "" "" {
            properties {
                "path" "Systems/Manhattan WMS.md"
                "aliases" "WMS"
                "owner" "Hannah Becker"
                "middleware" "false"
            }
        }
        mulesoft_anypoint = softwareSystem "MuleSoft Anypoint" "Middleware" "Middleware" {
            properties {
                "path" "Systems/MuleSoft Anypoint.md"
                "aliases" "MuleSoft, Anypoint"
                "owner" "Kenji Watanabe"
                "middleware" "true"
            }
        }
        okta_identity = softwareSystem "Okta Identity" "" "" {
            properties {
                "path" "Systems/Okta Identity.md"
                "aliases" "Okta"
                "owner" "Ahmed Hassan"
                "middleware" "false"
            }
        }
        salesforce_crm = softwareSystem "Salesforce CRM" "" "" {
            properties {
                "path" "Systems/Salesforce CRM.md"
                "aliases" "SFDC, Salesforce"
                "owner" "Rachel Morgan"
                "middleware" "false"
            }
        }
        sap_erp = softwareSystem "SAP ERP" "" "" {
            properties {
                "path" "Systems/SAP ERP.md"
                "aliases" "SAP, S/4HANA"
                "owner" "David Kowalski"
                "middleware" "false"
            }
        }
        servicenow = softwareSystem "ServiceNow" "" "" {
            properties {
                "path" "Systems/ServiceNow.md"
                "aliases" "SNOW, ServiceNow ITSM"
                "owner" "Ahmed Hassan"
                "middleware" "false"
            }
        }
        sftp_gateway = softwareSystem "SFTP Gateway" "Middleware" "Middleware" {
            properties {
                "path" "Systems/SFTP Gateway.md"
                "aliases" "MFT, GoAnywhere MFT"
                "owner" "David Kowalski"
                "middleware" "true"
            }
        }
        shopify_plus = softwareSystem "Shopify Plus" "" "" {
            properties {
                "path" "Systems/Shopify Plus.md"
                "aliases" "Shopify"
                "owner" "Jane Doe"
                "middleware" "false"
            }
        }
        snowflake_dw = softwareSystem "Snowflake DW" "" "" {
            properties {
                "path" "Systems/Snowflake DW.md"
                "aliases" "Snowflake, EDW"
                "owner" "Priya Nair"
                "middleware" "false"
            }
        }
        stripe_payments = softwareSystem "Stripe Payments" "" "" {
            properties {
                "path" "Systems/Stripe Payments.md"
                "aliases" "Stripe"
                "owner" "Laura Chen"
                "middleware" "false"
            }
        }
        tableau_server = softwareSystem "Tableau Server" "" "" {
            properties {
                "path" "Systems/Tableau Server.md"
                "owner" "Elena Petrova"
                "middleware" "false"
            }
        }
        workday_hcm = softwareSystem "Workday HCM" "" "" {
            properties {
                "path" "Systems/Workday HCM.md"
                "aliases" "Workday"
                "owner" "Olivia Grant"
                "middleware" "false"
            }
        }

        okta_identity -> snowflake_dw "INT-2026-005: Okta Sign-in Logs to Snowflake" "HTTPS/REST" "Planning,Via middleware" {
            properties {
                "id" "INT-2026-005"
                "title" "Okta Sign-in Logs to Snowflake"
                "status" "Planning"
                "category" "Data"
                "classification" "Internal"
                "protocol" "HTTPS/REST"
                "middleware" "Azure Data Factory"
                "owner" "Ahmed Hassan"
                "path" "Integrations/Data & Analytics/Okta Sign-in Logs to Snowflake.md"
            }
        }
        sap_erp -> snowflake_dw "INT-2024-030: SAP Finance Data to Snowflake" "RFC (ODP) and HTTPS" "Production,Via middleware" {
            properties {
                "id" "INT-2024-030"
                "title" "SAP Finance Data to Snowflake"
                "status" "Production"
                "category" "Data"
                "classification" "Internal"
                "protocol" "RFC (ODP) and HTTPS"
                "middleware" "Azure Data Factory"
                "owner" "Priya Nair"
                "path" "Integrations/Data & Analytics/SAP Finance Data to Snowflake.md"
            }
        }
        salesforce_crm -> snowflake_dw "INT-24-7: Salesforce Pipeline to Snowflake" "HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-24-7"
                "title" "Salesforce Pipeline to Snowflake"
                "status" "Production"
                "category" "Data"
                "classification" "Internal"
                "protocol" "HTTPS/REST"
                "middleware" "Azure Data Factory"
                "owner" "Priya Nair"
                "path" "Integrations/Data & Analytics/Salesforce Pipeline to Snowflake.md"
            }
        }
        servicenow -> snowflake_dw "INT-2025-015: ServiceNow Incident Metrics to Snowflake" "HTTPS/REST" "Development,Via middleware" {
            properties {
                "id" "INT-2025-015"
                "title" "ServiceNow Incident Metrics to Snowflake"
                "status" "Development"
                "category" "Data"
                "classification" "Internal"
                "protocol" "HTTPS/REST"
                "middleware" "Azure Data Factory"
                "owner" "Priya Nair"
                "path" "Integrations/Data & Analytics/ServiceNow Incident Metrics to Snowflake.md"
            }
        }
        snowflake_dw -> tableau_server "INT-2025-013: Snowflake to Tableau Extract Refresh" "HTTPS, ODBC over TLS" "Production" {
            properties {
                "id" "INT-2025-013"
                "title" "Snowflake to Tableau Extract Refresh"
                "status" "Production"
                "category" "Data"
                "classification" "Internal"
                "protocol" "HTTPS, ODBC over TLS"
                "owner" "Priya Nair"
                "path" "Integrations/Data & Analytics/Snowflake to Tableau Extract Refresh.md"
            }
        }
        legacy_as_400_billing -> sap_erp "INT-2021-014: AS/400 Billing Extract to SAP FI" "SFTP" "Deprecated,Via middleware" {
            properties {
                "id" "INT-2021-014"
                "title" "AS/400 Billing Extract to SAP FI"
                "status" "Deprecated"
                "category" "Data"
                "classification" "Internal"
                "protocol" "SFTP"
                "middleware" "SFTP Gateway"
                "owner" "Marcus Webb"
                "path" "Integrations/Finance/AS400 Billing Extract to SAP FI.md"
            }
        }
        sap_erp -> avalara_avatax "INT-2024-019: Avalara Tax Calculation for SAP Billing" "HTTPS/REST" "Production" {
            properties {
                "id" "INT-2024-019"
                "title" "Avalara Tax Calculation for SAP Billing"
                "status" "Production"
                "category" "API"
                "classification" "External"
                "protocol" "HTTPS/REST"
                "owner" "Marcus Webb"
                "path" "Integrations/Finance/Avalara Tax Calculation for SAP Billing.md"
            }
        }
        coupa_procurement -> sap_erp "INT-2024-007: Coupa Purchase Orders to SAP" "HTTPS/REST and SAP RFC" "Production,Via middleware" {
            properties {
                "id" "INT-2024-007"
                "title" "Coupa Purchase Orders to SAP"
                "status" "Production"
                "category" "Process"
                "classification" "Hybrid"
                "protocol" "HTTPS/REST and SAP RFC"
                "middleware" "MuleSoft Anypoint"
                "owner" "Marcus Webb"
                "path" "Integrations/Finance/Coupa Purchase Orders to SAP.md"
            }
        }
        coupa_procurement -> sap_erp "INT-2024-008: Coupa Supplier Onboarding to SAP Vendor Master" "HTTPS/REST (OData)" "Production,Via middleware" {
            properties {
                "id" "INT-2024-008"
                "title" "Coupa Supplier Onboarding to SAP Vendor Master"
                "status" "Production"
                "category" "Data"
                "classification" "Hybrid"
                "protocol" "HTTPS/REST (OData)"
                "middleware" "MuleSoft Anypoint"
                "owner" "Marcus Webb"
                "path" "Integrations/Finance/Coupa Supplier Onboarding to SAP Vendor Master.md"
            }
        }
        sap_erp -> kyriba_treasury "INT-2023-011: Kyriba Cash Positioning Feed" "SFTP" "Production,Via middleware" {
            properties {
                "id" "INT-2023-011"
                "title" "Kyriba Cash Positioning Feed"
                "status" "Production"
                "category" "Data"
                "classification" "Hybrid"
                "protocol" "SFTP"
                "middleware" "SFTP Gateway"
                "owner" "Laura Chen"
                "path" "Integrations/Finance/Kyriba Cash Positioning Feed.md"
            }
        }
        stripe_payments -> sap_erp "INT-2025-002: Stripe Payouts Reconciliation to SAP" "HTTPS/REST and SOAP" "Production,Via middleware" {
            properties {
                "id" "INT-2025-002"
                "title" "Stripe Payouts Reconciliation to SAP"
                "status" "Production"
                "category" "Data"
                "classification" "External"
                "protocol" "HTTPS/REST and SOAP"
                "middleware" "MuleSoft Anypoint"
                "owner" "Laura Chen"
                "path" "Integrations/Finance/Stripe Payouts Reconciliation to SAP.md"
            }
        }
        sap_erp -> bank_of_america_cashpro "INT-2022-003: Vendor Payments to Bank of America" "SFTP with PGP" "Production,Via middleware" {
            properties {
                "id" "INT-2022-003"
                "title" "Vendor Payments to Bank of America"
                "status" "Production"
                "category" "Process"
                "classification" "External"
                "protocol" "SFTP with PGP"
                "middleware" "SFTP Gateway"
                "owner" "Marcus Webb"
                "path" "Integrations/Finance/Vendor Payments to Bank of America.md"
            }
        }
        adp_payroll -> sap_erp "INT-2024-024: ADP Payroll Journal to SAP GL" "SFTP with PGP" "Production,Via middleware" {
            properties {
                "id" "INT-2024-024"
                "title" "ADP Payroll Journal to SAP GL"
                "status" "Production"
                "category" "Data"
                "classification" "External"
                "protocol" "SFTP with PGP"
                "middleware" "SFTP Gateway"
                "owner" "Marcus Webb"
                "path" "Integrations/HR/ADP Payroll Journal to SAP GL.md"
            }
        }
        servicenow -> okta_identity "INT-2024-022: Joiner-Mover-Leaver Provisioning to Okta" "HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-2024-022"
                "title" "Joiner-Mover-Leaver Provisioning to Okta"
                "status" "Production"
                "category" "Process"
                "classification" "Internal"
                "protocol" "HTTPS/REST"
                "middleware" "MuleSoft Anypoint"
                "owner" "Olivia Grant"
                "path" "Integrations/HR/Joiner-Mover-Leaver Provisioning to Okta.md"
            }
        }
        workday_hcm -> okta_identity "INT-2024-022: Joiner-Mover-Leaver Provisioning to Okta" "HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-2024-022"
                "title" "Joiner-Mover-Leaver Provisioning to Okta"
                "status" "Production"
                "category" "Process"
                "classification" "Internal"
                "protocol" "HTTPS/REST"
                "middleware" "MuleSoft Anypoint"
                "owner" "Olivia Grant"
                "path" "Integrations/HR/Joiner-Mover-Leaver Provisioning to Okta.md"
            }
        }
        workday_hcm -> servicenow "INT-2019-004: Workday Org Hierarchy CSV to ServiceNow" "SFTP" "Deprecated,Via middleware" {
            properties {
                "id" "INT-2019-004"
                "title" "Workday Org Hierarchy CSV to ServiceNow"
                "status" "Deprecated"
                "category" "Data"
                "classification" "Internal"
                "protocol" "SFTP"
                "middleware" "SFTP Gateway"
                "owner" "Olivia Grant"
                "path" "Integrations/HR/Workday Org Hierarchy CSV to ServiceNow.md"
            }
        }
        workday_hcm -> adp_payroll "INT-2024-022: Workday Worker Changes to ADP Payroll" "HTTPS (SOAP in, REST out)" "Production,Via middleware" {
            properties {
                "id" "INT-2024-022"
                "title" "Workday Worker Changes to ADP Payroll"
                "status" "Production"
                "category" "Process"
                "classification" "External"
                "protocol" "HTTPS (SOAP in, REST out)"
                "middleware" "MuleSoft Anypoint"
                "owner" "Olivia Grant"
                "path" "Integrations/HR/Workday Worker Changes to ADP Payroll.md"
            }
        }
        workday_hcm -> servicenow "INT-2025-012: Workday Worker Sync to ServiceNow" "HTTPS (SOAP/REST)" "Live,Via middleware" {
            properties {
                "id" "INT-2025-012"
                "title" "Workday Worker Sync to ServiceNow"
                "status" "Live"
                "category" "Data"
                "classification" "Internal"
                "protocol" "HTTPS (SOAP/REST)"
                "middleware" "MuleSoft Anypoint"
                "owner" "Olivia Grant"
                "path" "Integrations/HR/Workday Worker Sync to ServiceNow.md"
            }
        }
        salesforce_crm -> sap_erp "INT-2024-012: Order to Cash - Salesforce Orders to SAP" "HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-2024-012"
                "title" "Order to Cash - Salesforce Orders to SAP"
                "status" "Production"
                "category" "Process"
                "classification" "Internal"
                "protocol" "HTTPS/REST"
                "middleware" "MuleSoft Anypoint"
                "owner" "Jane Doe"
                "path" "Integrations/Sales/Order to Cash - Salesforce Orders to SAP.md"
            }
        }
        sap_erp -> salesforce_crm "INT-2024-013: SAP Customer Master to Salesforce" "HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-2024-013"
                "title" "SAP Customer Master to Salesforce"
                "status" "Production"
                "category" "Data"
                "classification" "Internal"
                "protocol" "HTTPS/REST"
                "middleware" "MuleSoft Anypoint"
                "owner" "Rachel Morgan"
                "path" "Integrations/Sales/SAP Customer Master to Salesforce.md"
            }
        }
        sap_erp -> salesforce_crm "INT-2024-014: SAP Invoices and Payment Status to Salesforce" "Kafka (Avro), HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-2024-014"
                "title" "SAP Invoices and Payment Status to Salesforce"
                "status" "Production"
                "category" "Data"
                "classification" "Internal"
                "protocol" "Kafka (Avro), HTTPS/REST"
                "middleware" "Confluent Kafka, MuleSoft Anypoint"
                "owner" "Jane Doe"
                "path" "Integrations/Sales/SAP Invoices and Payment Status to Salesforce.md"
            }
        }
        sap_erp -> snowflake_dw "INT-2024-014: SAP Invoices and Payment Status to Salesforce" "Kafka (Avro), HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-2024-014"
                "title" "SAP Invoices and Payment Status to Salesforce"
                "status" "Production"
                "category" "Data"
                "classification" "Internal"
                "protocol" "Kafka (Avro), HTTPS/REST"
                "middleware" "Confluent Kafka, MuleSoft Anypoint"
                "owner" "Jane Doe"
                "path" "Integrations/Sales/SAP Invoices and Payment Status to Salesforce.md"
            }
        }
        sap_erp -> salesforce_crm "INT-2025-016: SAP Product Catalog to Salesforce" "HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-2025-016"
                "title" "SAP Product Catalog to Salesforce"
                "status" "Production"
                "category" "Data"
                "classification" "Internal"
                "protocol" "HTTPS/REST"
                "middleware" "MuleSoft Anypoint"
                "owner" "Rachel Morgan"
                "path" "Integrations/Sales/SAP Product Catalog to Salesforce.md"
            }
        }
        salesforce_crm -> servicenow "INT-2026-004: Salesforce Case Escalation to ServiceNow" "HTTPS/REST" "Development,Via middleware" {
            properties {
                "id" "INT-2026-004"
                "title" "Salesforce Case Escalation to ServiceNow"
                "status" "Development"
                "category" "Process"
                "classification" "Internal"
                "protocol" "HTTPS/REST"
                "middleware" "MuleSoft Anypoint"
                "owner" "Rachel Morgan"
                "path" "Integrations/Sales/Salesforce Case Escalation to ServiceNow.md"
            }
        }
        shopify_plus -> sap_erp "INT-2025-006: Shopify Plus Web Orders to SAP" "HTTPS webhooks, Kafka" "Production,Via middleware" {
            properties {
                "id" "INT-2025-006"
                "title" "Shopify Plus Web Orders to SAP"
                "status" "Production"
                "category" "Process"
                "classification" "External"
                "protocol" "HTTPS webhooks, Kafka"
                "middleware" "Confluent Kafka, MuleSoft Anypoint"
                "owner" "Jane Doe"
                "path" "Integrations/Sales/Shopify Plus Web Orders to SAP.md"
            }
        }
        stripe_payments -> salesforce_crm "INT-2025-008: Stripe Payment Events to Salesforce" "Kafka, HTTPS" "Production,Via middleware" {
            properties {
                "id" "INT-2025-008"
                "title" "Stripe Payment Events to Salesforce"
                "status" "Production"
                "category" "Data"
                "classification" "External"
                "protocol" "Kafka, HTTPS"
                "middleware" "Confluent Kafka"
                "owner" "Rachel Morgan"
                "path" "Integrations/Sales/Stripe Payment Events to Salesforce.md"
            }
        }
        blue_yonder_planning -> sap_erp "INT-2025-009: Blue Yonder Demand Forecast to SAP" "SFTP with PGP" "Production,Via middleware" {
            properties {
                "id" "INT-2025-009"
                "title" "Blue Yonder Demand Forecast to SAP"
                "status" "Production"
                "category" "Data"
                "classification" "External"
                "protocol" "SFTP with PGP"
                "middleware" "SFTP Gateway"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/Blue Yonder Demand Forecast to SAP.md"
            }
        }
        manhattan_wms -> fedex_shipping_api "INT-2024-017: Carrier Label Requests to FedEx" "HTTPS/REST" "Production" {
            properties {
                "id" "INT-2024-017"
                "title" "Carrier Label Requests to FedEx"
                "status" "Production"
                "category" "API"
                "classification" "External"
                "protocol" "HTTPS/REST"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/Carrier Label Requests to FedEx.md"
            }
        }
        fedex_shipping_api -> salesforce_crm "INT-2025-004: FedEx Tracking Events to Service Cloud" "HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-2025-004"
                "title" "FedEx Tracking Events to Service Cloud"
                "status" "Production"
                "category" "Data"
                "classification" "External"
                "protocol" "HTTPS/REST"
                "middleware" "MuleSoft Anypoint"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/FedEx Tracking Events to Service Cloud.md"
            }
        }
        manhattan_wms -> blue_yonder_planning "INT-2025-010: Inventory Snapshot Distribution" "Kafka (Avro), HTTPS" "Production,Via middleware" {
            properties {
                "id" "INT-2025-010"
                "title" "Inventory Snapshot Distribution"
                "status" "Production"
                "category" "Data"
                "classification" "Hybrid"
                "protocol" "Kafka (Avro), HTTPS"
                "middleware" "Confluent Kafka"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/Inventory Snapshot Distribution.md"
            }
        }
        manhattan_wms -> snowflake_dw "INT-2025-010: Inventory Snapshot Distribution" "Kafka (Avro), HTTPS" "Production,Via middleware" {
            properties {
                "id" "INT-2025-010"
                "title" "Inventory Snapshot Distribution"
                "status" "Production"
                "category" "Data"
                "classification" "Hybrid"
                "protocol" "Kafka (Avro), HTTPS"
                "middleware" "Confluent Kafka"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/Inventory Snapshot Distribution.md"
            }
        }
        sap_erp -> blue_yonder_planning "INT-2025-010: Inventory Snapshot Distribution" "Kafka (Avro), HTTPS" "Production,Via middleware" {
            properties {
                "id" "INT-2025-010"
                "title" "Inventory Snapshot Distribution"
                "status" "Production"
                "category" "Data"
                "classification" "Hybrid"
                "protocol" "Kafka (Avro), HTTPS"
                "middleware" "Confluent Kafka"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/Inventory Snapshot Distribution.md"
            }
        }
        sap_erp -> snowflake_dw "INT-2025-010: Inventory Snapshot Distribution" "Kafka (Avro), HTTPS" "Production,Via middleware" {
            properties {
                "id" "INT-2025-010"
                "title" "Inventory Snapshot Distribution"
                "status" "Production"
                "category" "Data"
                "classification" "Hybrid"
                "protocol" "Kafka (Avro), HTTPS"
                "middleware" "Confluent Kafka"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/Inventory Snapshot Distribution.md"
            }
        }
        sap_erp -> manhattan_wms "INT-2020-006: SAP Delivery IDoc File Drop to WMS" "SFTP" "Deprecated,Via middleware" {
            properties {
                "id" "INT-2020-006"
                "title" "SAP Delivery IDoc File Drop to WMS"
                "status" "Deprecated"
                "category" "Process"
                "classification" "Internal"
                "protocol" "SFTP"
                "middleware" "SFTP Gateway"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/SAP Delivery IDoc File Drop to WMS.md"
            }
        }
        sap_erp -> manhattan_wms "INT-2024-015: SAP Outbound Deliveries to Manhattan WMS" "Kafka (Avro)" "Production,Via middleware" {
            properties {
                "id" "INT-2024-015"
                "title" "SAP Outbound Deliveries to Manhattan WMS"
                "status" "Production"
                "category" "Process"
                "classification" "Internal"
                "protocol" "Kafka (Avro)"
                "middleware" "Confluent Kafka"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/SAP Outbound Deliveries to Manhattan WMS.md"
            }
        }
        shopify_plus -> manhattan_wms "INT-2026-002: Shopify Returns to Manhattan WMS" "" "Planning,Via middleware" {
            properties {
                "id" "INT-2026-002"
                "title" "Shopify Returns to Manhattan WMS"
                "status" "Planning"
                "category" "Process"
                "middleware" "Confluent Kafka"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/Shopify Returns to Manhattan WMS.md"
            }
        }
        shopify_plus -> sap_erp "INT-2026-002: Shopify Returns to Manhattan WMS" "" "Planning,Via middleware" {
            properties {
                "id" "INT-2026-002"
                "title" "Shopify Returns to Manhattan WMS"
                "status" "Planning"
                "category" "Process"
                "middleware" "Confluent Kafka"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/Shopify Returns to Manhattan WMS.md"
            }
        }
        manhattan_wms -> sap_erp "INT-2024-016: WMS Shipment Confirmations to SAP" "Kafka (Avro), HTTPS/REST" "Production,Via middleware" {
            properties {
                "id" "INT-2024-016"
                "title" "WMS Shipment Confirmations to SAP"
                "status" "Production"
                "category" "Process"
                "classification" "Internal"
                "protocol" "Kafka (Avro), HTTPS/REST"
                "middleware" "Confluent Kafka"
                "owner" "Hannah Becker"
                "path" "Integrations/Supply Chain/WMS Shipment Confirmations to SAP.md"
            }
        }
    }

    views {
        systemLandscape "Landscape" {
            include *
            autolayout lr
        }
        styles {
            element "Software System" {
                background #1168bd
                color #ffffff
            }
            element "Middleware" {
                shape Pipe
                background #f59e0b
            }
            relationship "Deprecated" {
                style dashed
                color #999999
            }
            relationship "Planning" {
                style dotted
            }
            relationship "Via middleware" {
                color #7c3aed
            }
        }
    }
}
