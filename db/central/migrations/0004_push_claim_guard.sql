-- A pushed mutation that is a single insert travels as one statement: a CTE claims its place in the
-- client's sequence and the insert's RETURNING passes the claim's row count through this guard. When
-- the claim matched nothing (first push, retry, gap, another user's client) the guard aborts the whole
-- statement, the insert with it, and the server takes the general path. One statement is one
-- transaction: the row and the sequence number still commit together.
CREATE FUNCTION "telesec_require_claim"("claimed" bigint) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
	IF "claimed" <> 1 THEN
		RAISE EXCEPTION 'mutation hors séquence' USING ERRCODE = 'TS001';
	END IF;
	RETURN "claimed";
END
$$;
