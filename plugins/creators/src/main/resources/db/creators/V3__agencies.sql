-- Agencies (MCN 机构), their managers, contracts with creators, terms files, the agency's share of commission
-- and its payouts. Times are epoch milliseconds (BIGINT, UTC); days are TEXT YYYY-MM-DD in the site's zone.

-- status: active | suspended | closed.
CREATE TABLE creator_agencies (
    id ${id},
    name TEXT NOT NULL,
    contact_person TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    status TEXT NOT NULL,
    notes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX creator_agencies_name ON creator_agencies(name);

-- A member manages at most one agency.
CREATE TABLE creator_agency_managers (
    user_id BIGINT PRIMARY KEY,
    agency_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX creator_agency_managers_agency ON creator_agency_managers(agency_id);

-- status: active | ended (past ends_on, set by the daily job and computed on read) | terminated.
-- share_bp: the agency's share of the creator's commission in basis points (0..10000).
-- renewed_from: the contract this one continues.
CREATE TABLE creator_contracts (
    id ${id},
    agency_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    share_bp INTEGER NOT NULL,
    status TEXT NOT NULL,
    renewed_from BIGINT,
    terminated_at BIGINT,
    termination_reason TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX creator_contracts_user ON creator_contracts(user_id, status);
CREATE INDEX creator_contracts_agency ON creator_contracts(agency_id, id);

-- The signed terms (PDF or picture, at most 5 MiB), base64 so that both dialects store it alike.
CREATE TABLE creator_contract_terms (
    contract_id BIGINT PRIMARY KEY,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    data TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL
);

-- One row per released commission of a contracted creator (commission_key from commission.released).
-- status: booked | reversed (the purchase was refunded after release).
CREATE TABLE creator_agency_shares (
    id ${id},
    agency_id BIGINT NOT NULL,
    contract_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    commission_key TEXT NOT NULL,
    purchase_id BIGINT NOT NULL,
    commission_amount BIGINT NOT NULL,
    share_bp INTEGER NOT NULL,
    amount BIGINT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    reversed_at BIGINT
);
CREATE UNIQUE INDEX creator_agency_shares_key ON creator_agency_shares(commission_key);
CREATE INDEX creator_agency_shares_agency ON creator_agency_shares(agency_id, id);
CREATE INDEX creator_agency_shares_purchase ON creator_agency_shares(purchase_id);
CREATE INDEX creator_agency_shares_user ON creator_agency_shares(user_id);

-- What the operator paid an agency out of its share balance.
CREATE TABLE creator_agency_payouts (
    id ${id},
    agency_id BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    reference TEXT NOT NULL,
    paid_by BIGINT,
    request_key TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX creator_agency_payouts_agency ON creator_agency_payouts(agency_id, id);
CREATE UNIQUE INDEX creator_agency_payouts_key ON creator_agency_payouts(agency_id, request_key);

-- Purchases seen refunded, so that a release handled after its refund books no share.
CREATE TABLE creator_agency_refunds (
    purchase_id BIGINT PRIMARY KEY,
    created_at BIGINT NOT NULL
);
