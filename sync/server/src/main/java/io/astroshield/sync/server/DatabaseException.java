package io.astroshield.sync.server;

import java.sql.SQLException;

/** A failed database call, wrapped once with what the server was doing; answered as 500 without the SQL. */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String doing, SQLException cause) {
        super(doing + ": " + cause.getMessage(), cause);
    }
}
