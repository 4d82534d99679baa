#set( $dollar = '$' )
-- One row per member greeted. ${dollar}{id} is Kindred's macro for an auto-generated integer primary key.
CREATE TABLE ${pluginId}_greetings (
    id ${dollar}{id},
    user_id BIGINT NOT NULL UNIQUE,
    event_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
