-- 013_sim_puk: a new SIM card comes with its own PUK; when the network
-- confirms the card, the line's PUK (Q-09) becomes the new card's.
ALTER TABLE sim_cards
  ADD COLUMN puk CHAR(8) NULL COMMENT 'PUK of this card' AFTER iccid;
