"""Open Referral UK (HSDS-UK 3.0): the directory's organisations and activities as a feed."""
